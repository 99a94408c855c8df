
(function () {
  "use strict";
  // Only toggles classes and attributes and sets plain textContent: no markup is ever built from content.
  var doc = document;
  var controls = doc.getElementById("controls");
  if (!controls) { return; }
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var rows = doc.querySelectorAll("tr.fact");
  var diffOnly = doc.getElementById("diff-only");
  var kindBoxes = doc.querySelectorAll("input[data-kind]");
  var status = doc.getElementById("filter-status");

  function checkedKinds() {
    var kinds = [];
    each(kindBoxes, function (box) { if (box.checked) { kinds.push(box.getAttribute("data-kind")); } });
    return kinds;
  }

  function apply() {
    var only = diffOnly.checked;
    var kinds = checkedKinds();
    var shown = 0;
    doc.body.classList.toggle("diff-only", only);
    each(rows, function (row) {
      var keep = !only || row.classList.contains("is-diff");
      if (keep && kinds.length) {
        var own = (row.getAttribute("data-kinds") || "").split(" ");
        keep = kinds.some(function (k) { return own.indexOf(k) >= 0; });
      }
      row.hidden = !keep;
      if (keep) { shown += 1; }
    });
    each(doc.querySelectorAll("section.event"), function (section) {
      var note = section.querySelector(".filtered-out");
      var all = section.querySelectorAll("tr.fact");
      var visible = section.querySelectorAll("tr.fact:not([hidden])");
      if (note) { note.hidden = !(all.length && !visible.length && kinds.length); }
    });
    status.textContent = (only || kinds.length) ? shown + " of " + rows.length + " fact rows shown" : "";
  }

  function setOpen(open) {
    each(doc.querySelectorAll("details.event-box"), function (d) { d.open = open; });
  }

  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && doc.getElementById(id);
    if (!target) { return; }
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") { node.open = true; }
    }
    if (target.hidden) { target.hidden = false; }
  }

  var printState = [];
  window.addEventListener("beforeprint", function () {
    printState = [];
    each(doc.querySelectorAll("details"), function (d) {
      if (d.classList.contains("cleaning")) { return; }
      printState.push([d, d.open]);
      d.open = true;
    });
  });
  window.addEventListener("afterprint", function () {
    printState.forEach(function (pair) { pair[0].open = pair[1]; });
  });

  // Show or hide one outlet's column in its event: header, article card, fact cells and quote forms.
  function toggleOutlet(box) {
    var section = box.closest("section.event");
    var col = box.getAttribute("data-col");
    each(section.querySelectorAll('[data-col="' + col + '"]'), function (cell) {
      if (cell !== box) { cell.hidden = !box.checked; }
    });
    var table = section.querySelector("table.facts");
    if (table) {
      var shown = section.querySelectorAll(".outlet-toggle input:checked").length;
      table.className = table.className.replace(/\bcols-\d+\b/, "cols-" + Math.min(Math.max(shown, 1), 20));
    }
  }
  each(doc.querySelectorAll(".outlet-toggle input[data-col]"), function (box) {
    box.addEventListener("change", function () { toggleOutlet(box); });
  });

  controls.addEventListener("submit", function (e) { e.preventDefault(); });
  diffOnly.addEventListener("change", apply);
  each(kindBoxes, function (box) { box.addEventListener("change", apply); });
  doc.getElementById("expand-all").addEventListener("click", function () { setOpen(true); });
  doc.getElementById("collapse-all").addEventListener("click", function () { setOpen(false); });
  window.addEventListener("hashchange", reveal);
  controls.hidden = false;
  reveal();
})();
