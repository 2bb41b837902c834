// The small amount of browser glue the Blazor UI needs: theme, keyboard, scrolling, downloads.
window.mailcatcher = (function () {
  var inbox = null;

  function effectiveTheme() {
    var set = document.documentElement.getAttribute("data-theme");
    if (set) return set;
    return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  function typing(target) {
    if (!target) return false;
    var tag = target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
  }

  function showShortcuts() {
    var dialog = document.getElementById("shortcuts");
    if (dialog && !dialog.open) dialog.showModal();
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (typing(e.target)) return;
    var dialog = document.getElementById("shortcuts");
    if (dialog && dialog.open) return;
    if (e.key === "/") {
      var search = document.getElementById("search");
      if (search) { e.preventDefault(); search.focus(); search.select(); }
      return;
    }
    if (e.key === "?") { e.preventDefault(); showShortcuts(); return; }
    var names = { j: "next", ArrowDown: "next", k: "prev", ArrowUp: "prev", Enter: "open", Delete: "delete", x: "toggle", u: "unread", Escape: "escape" };
    var name = names[e.key];
    if (name && inbox) {
      if (e.target && (e.target.tagName === "BUTTON" || e.target.tagName === "A") && e.key === "Enter") return;
      e.preventDefault();
      inbox.invokeMethodAsync("OnKey", name);
    }
  });

  return {
    toggleTheme: function () {
      var next = effectiveTheme() === "dark" ? "light" : "dark";
      document.documentElement.setAttribute("data-theme", next);
      try { localStorage.setItem("mailcatcher-theme", next); } catch (e) { /* not remembered */ }
    },
    showShortcuts: showShortcuts,
    registerInbox: function (ref) { inbox = ref; },
    unregisterInbox: function (ref) { if (inbox === ref) inbox = null; },
    blurSearch: function () { var s = document.getElementById("search"); if (s) s.blur(); },
    // The list is virtualised with fixed-height rows, so a row's place is index * height.
    scrollRowIntoView: function (list, index, height) {
      if (!list) return;
      var top = index * height, bottom = top + height;
      if (top < list.scrollTop) list.scrollTop = top;
      else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
    },
    download: function (url) {
      var a = document.createElement("a");
      a.href = url; a.download = ""; document.body.appendChild(a); a.click(); a.remove();
    }
  };
})();
