// Suggestions for the fields that name a comune: as a person types, the
// field's <datalist> fills with the comuni whose name matches, as
// "Name (XX)" with the province's abbreviation. Without this script the
// field still takes a comune's name or its ISTAT code.
//   <input list="ID" data-comuni-source="/directory/comuni">
// The source answers {"comuni": [{"code", "name", "province_abbreviation"}]}.
(function () {
  "use strict";

  var WAIT_MS = 200;
  var MIN_LETTERS = 2;

  function suggest(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var source = input.dataset.comuniSource;
    if (!list || !source) return;
    var timer = null;
    var asked = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var typed = input.value.trim();
      // A chosen suggestion, or a code: nothing to look up.
      if (typed.length < MIN_LETTERS || /\(\w\w\)$/.test(typed) || /^\d+$/.test(typed)) return;
      timer = setTimeout(function () {
        if (typed === asked) return;
        asked = typed;
        fetch(source + "?q=" + encodeURIComponent(typed), {
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        })
          .then(function (response) {
            return response.ok ? response.json() : { comuni: [] };
          })
          .then(function (body) {
            list.replaceChildren.apply(
              list,
              body.comuni.map(function (comune) {
                var option = document.createElement("option");
                option.value = comune.name + " (" + comune.province_abbreviation + ")";
                return option;
              })
            );
          })
          .catch(function () {
            // The field still takes what is typed.
          });
      }, WAIT_MS);
    });
  }

  document.querySelectorAll("input[data-comuni-source]").forEach(suggest);
})();
