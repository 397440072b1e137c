// The cover's focal point in the post form (templates/admin/news/post/cover_input.html):
// a click on the cover's thumbnail fills the two number inputs of the focal point
// (percent across and down), and the crosshair follows what they say. An image chosen in
// the file input is shown at once, its focal point back in the middle.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const picker of document.querySelectorAll(".cover-focus")) {
    const across = document.getElementById(picker.dataset.focusX);
    const down = document.getElementById(picker.dataset.focusY);
    const fileInput = document.getElementById(picker.dataset.fileInput);
    const image = picker.querySelector(".cover-focus__image");
    const marker = picker.querySelector(".cover-focus__marker");
    if (!across || !down || !image || !marker) {
      continue;
    }
    const percent = (value) => Math.min(100, Math.max(0, Math.round(Number(value) || 0)));
    const place = () => {
      marker.style.left = `${percent(across.value)}%`;
      marker.style.top = `${percent(down.value)}%`;
      marker.hidden = false;
    };
    image.addEventListener("click", (event) => {
      const box = image.getBoundingClientRect();
      across.value = percent((100 * (event.clientX - box.left)) / box.width);
      down.value = percent((100 * (event.clientY - box.top)) / box.height);
      for (const input of [across, down]) {
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }
      place();
    });
    for (const input of [across, down]) {
      input.addEventListener("input", place);
      input.addEventListener("change", place);
    }
    fileInput?.addEventListener("change", () => {
      const file = fileInput.files[0];
      if (!file) {
        return;
      }
      for (const name of ["srcset", "width", "height"]) {
        image.removeAttribute(name);
      }
      image.src = URL.createObjectURL(file);
      across.value = 50;
      down.value = 50;
      place();
      picker.hidden = false;
    });
    place();
  }
});
