// Names for the admin's form controls that Django's own markup leaves without one, so every
// admin page passes axe-core (issue 16). Runs once the admin's scripts have built the page
// (Select2 autocompletes, filter boxes), and again when rows are added or a choice redraws a box.
//  - Select2 autocomplete boxes are named after their current choice only: an empty box, and
//    the search field of a many-choice box, have no name. They get their label's.
//  - A many-choice Select2 box lists its choices with a clear button in the same <ul>: the list
//    is presentation only (the choices are also in the underlying <select>).
//  - Tabular inlines label their columns with <th>, not <label>: each control is named by its
//    column heading (visible), or the row's own label when the column has none.
//    The delete box of a row is named as such (its column heading has no class to match).
//  - The filter boxes' search icon carries aria-label on a plain <span>: it is an image.
(function () {
  "use strict";

  function idFor(element, suffix) {
    if (!element.id) {
      element.id = suffix;
    }
    return element.id;
  }

  function nameAutocompletes(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var label = document.querySelector('label[for="' + select.id + '"]');
      var box = select.nextElementSibling;
      if (!label || !box || !box.classList.contains("select2")) {
        return;
      }
      var labelId = idFor(label, select.id + "-label");
      var text = label.textContent.replace(/:\s*$/, "").trim();
      box.querySelectorAll(".select2-selection--single").forEach(function (selection) {
        var rendered = selection.querySelector(".select2-selection__rendered[id]");
        selection.setAttribute(
          "aria-labelledby",
          rendered ? labelId + " " + rendered.id : labelId
        );
      });
      box.querySelectorAll(".select2-selection__rendered[id]").forEach(function (rendered) {
        rendered.setAttribute("aria-labelledby", labelId + " " + rendered.id);
      });
      box.querySelectorAll(".select2-search__field").forEach(function (field) {
        field.setAttribute("aria-label", text);
      });
      box.querySelectorAll(".select2-selection--multiple ul, .select2-selection--multiple li")
        .forEach(function (element) {
          element.setAttribute("role", "none");
        });
    });
  }

  function nameTabularInlines(root) {
    root.querySelectorAll(".tabular table").forEach(function (table, tableIndex) {
      var headings = {};
      table.querySelectorAll("thead th").forEach(function (th, index) {
        th.classList.forEach(function (name) {
          if (name.indexOf("column-") === 0) {
            headings[name.slice("column-".length)] = idFor(th, "inline-" + tableIndex + "-" + index);
          }
        });
      });
      table.querySelectorAll("tbody td").forEach(function (td) {
        var field = null;
        td.classList.forEach(function (name) {
          if (name.indexOf("field-") === 0) {
            field = name.slice("field-".length);
          }
        });
        var heading = field && headings[field];
        if (!heading) {
          td.querySelectorAll("input[name$='-DELETE']:not([aria-label])").forEach(function (box) {
            box.setAttribute("aria-label", "Delete this row");
          });
          return;
        }
        td.querySelectorAll("input:not([type=hidden]), select, textarea").forEach(function (control) {
          if (!control.labels.length && !control.hasAttribute("aria-labelledby")) {
            control.setAttribute("aria-labelledby", heading);
          }
        });
      });
    });
  }

  function nameDateTimeParts(root) {
    // A date and time field is two inputs under one label; name each part after it.
    root.querySelectorAll("p.datetime").forEach(function (paragraph) {
      var inputs = paragraph.querySelectorAll("input:not([type=hidden])");
      var row = paragraph.closest(".form-row, .fieldBox, div");
      var label = row && row.querySelector("label");
      if (!label) {
        return;
      }
      var text = label.textContent.replace(/:\s*$/, "").trim();
      inputs.forEach(function (input, index) {
        if (!input.labels.length && !input.hasAttribute("aria-label")) {
          input.setAttribute("aria-label", text + (index === 0 ? ": date" : ": time"));
        }
      });
    });
  }

  function nameIcons(root) {
    root.querySelectorAll(".help-tooltip[aria-label]:not([role])").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
  }

  function name(root) {
    nameAutocompletes(root);
    nameTabularInlines(root);
    nameDateTimeParts(root);
    nameIcons(root);
  }

  var pending = false;
  function nameSoon() {
    if (!pending) {
      pending = true;
      window.setTimeout(function () {
        pending = false;
        name(document);
      }, 0);
    }
  }

  window.addEventListener("load", function () {
    name(document);
    // Only elements added or removed are watched, so setting names does not loop.
    new MutationObserver(nameSoon).observe(document.body, { childList: true, subtree: true });
  });
})();
