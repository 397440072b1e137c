// The body editor (django-prose-editor) in the admin's language, with the words of
// news/body_editor.py that the post form renders as JSON (#body-editor-catalog): its
// dialogs ask Django's JavaScript catalog, which gets them here; the tooltips of its
// toolbar and the choices of its dialogs are English words it never translates, put in
// the admin's language here as they appear.
"use strict";
(() => {
  const source = document.getElementById("body-editor-catalog");
  if (!source || !window.django) {
    return;
  }
  const { dialogs = {}, toolbar = {} } = JSON.parse(source.textContent);
  django.catalog = Object.assign(django.catalog || {}, dialogs);

  // The text being written is left alone; the menu's own list of block styles is
  // written with the editor's schema too, in an element of the same class.
  const ours = (element) => !element.closest(".ProseMirror") || element.closest(".prose-menubar");
  const translate = (root) => {
    for (const element of root.querySelectorAll("[title], [aria-label]")) {
      if (!ours(element)) {
        continue;
      }
      for (const name of ["title", "aria-label"]) {
        const word = element.getAttribute(name);
        if (word && toolbar[word]) {
          element.setAttribute(name, toolbar[word]);
        }
      }
    }
    for (const label of root.querySelectorAll(".prose-menubar__option > *")) {
      if (toolbar[label.textContent]) {
        label.textContent = toolbar[label.textContent];
      }
    }
    for (const option of root.querySelectorAll(".prose-editor-dialog option")) {
      const word = option.textContent;
      if (toolbar[word]) {
        option.setAttribute("value", option.value); // The editor reads the English choice.
        option.textContent = toolbar[word];
      }
    }
  };
  const watch = () => {
    translate(document.body);
    new MutationObserver((changes) => {
      for (const change of changes) {
        for (const node of change.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE && ours(node)) {
            translate(node.parentNode || node);
          }
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
})();
