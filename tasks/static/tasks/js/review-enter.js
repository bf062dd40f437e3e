// Review tags: Enter in a tick box or a list must not press the form's first button
// ("Confirm ticked tags") for the reviewer. Only the buttons decide. Without script, the
// form's first button is a harmless one that saves nothing and says so (see the view).
document.querySelectorAll("form[data-review-form]").forEach((form) => {
  form.addEventListener("keydown", (event) => {
    const field = event.target;
    if (event.key === "Enter" && (field.type === "checkbox" || field.tagName === "SELECT")) {
      event.preventDefault();
    }
  });
});
