// A translator's change form opens every group of language tabs on the language they
// translate into, named by the form (templates/admin/change_form.html), instead of the
// admin's interface language. Loaded after modeltranslation's script, so this "ready"
// handler runs after the one that builds the tabs.
"use strict";
django.jQuery(function () {
  const marker = document.getElementById("translator-first-language");
  const language = marker && marker.dataset.language;
  if (!language) {
    return;
  }
  for (const link of document.querySelectorAll(".ui-tabs-nav a.ui-tabs-anchor")) {
    if (link.textContent.trim() === language.replace("_", "-")) {
      link.click();
    }
  }
});
