// Copy the one compiled GOV.UK Frontend script we serve into static/build/, without its
// sourceMappingURL comment: the source map is not shipped, and collectstatic's manifest storage
// refuses a file that names a missing file.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

mkdirSync("static/build", { recursive: true });
const script = readFileSync("node_modules/govuk-frontend/dist/govuk/all.bundle.js", "utf8");
writeFileSync(
  "static/build/govuk-frontend.js",
  script.replace(/^\/\/# sourceMappingURL=.*$/m, ""),
);
