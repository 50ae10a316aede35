"use strict";
(() => {
  const bar = document.getElementById("search-bar");
  const input = document.getElementById("search");
  const count = document.getElementById("count");
  const none = document.getElementById("none");
  const codes = Array.from(document.querySelectorAll("article.code"));
  const groups = Array.from(document.querySelectorAll("section.group"));
  // Code, status, reason and the texts: what a reader looks for, not the example bodies.
  const texts = codes.map((code) => code.querySelector(".text").textContent.toLowerCase());

  const matches = (i, term) => {
    const status = /^([1-5])xx$/.exec(term);
    return status ? codes[i].dataset.status.startsWith(status[1]) : texts[i].includes(term);
  };

  const filter = () => {
    const terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    codes.forEach((code, i) => {
      const show = terms.every((term) => matches(i, term));
      code.hidden = !show;
      if (show) shown += 1;
    });
    groups.forEach((group) => {
      group.hidden = !group.querySelector("article.code:not([hidden])");
    });
    count.textContent = terms.length ? `${shown} of ${codes.length} codes` : "";
    none.hidden = shown > 0;
    const url = new URL(window.location.href);
    if (terms.length) url.searchParams.set("q", input.value);
    else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
  };

  bar.hidden = false;
  input.value = new URLSearchParams(window.location.search).get("q") || input.value;
  input.addEventListener("input", filter);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      input.value = "";
      filter();
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "/" && document.activeElement !== input) {
      event.preventDefault();
      input.focus();
    }
  });
  if (input.value) filter();

  // `/errors/{code}`: the page of every code, opened at this one.
  const focus = document.body.dataset.focus;
  const target = focus && !window.location.hash && document.getElementById(focus);
  if (target) {
    target.classList.add("focus");
    target.scrollIntoView({ block: "start" });
  }
})();
