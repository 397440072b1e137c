// The "Browse…" window of the body editor (django-prose-editor's Figure extension). The
// editor opened it with ?CKEditorFuncNum=N and waits for
// CKEDITOR.tools.callFunction(N, url, {alternative_text, caption}) from this window.
document.addEventListener("click", (event) => {
  const choice = event.target.closest("button[data-image-url]")
  const callback = new URLSearchParams(window.location.search).get("CKEditorFuncNum")
  if (!choice || !callback || !window.opener?.CKEDITOR) return
  window.opener.CKEDITOR.tools.callFunction(callback, choice.dataset.imageUrl, {
    alternative_text: choice.dataset.alt,
    caption: choice.dataset.caption,
  })
  window.close()
})
