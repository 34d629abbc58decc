// Copy the one compiled GOV.UK Frontend script we serve into static/build/.
import { copyFileSync, mkdirSync } from "node:fs";

mkdirSync("static/build", { recursive: true });
copyFileSync(
  "node_modules/govuk-frontend/dist/govuk/all.bundle.js",
  "static/build/govuk-frontend.js",
);
