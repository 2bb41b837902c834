// Runs before the page paints: the remembered theme, else the system's.
(function () {
  try {
    var saved = localStorage.getItem("mailcatcher-theme");
    if (saved === "light" || saved === "dark") {
      document.documentElement.setAttribute("data-theme", saved);
    }
  } catch (e) { /* storage may be unavailable */ }
})();
