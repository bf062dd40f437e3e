// Review tags, two things a keyboard or screen-reader user needs from the form.
//
// 1. Enter in a tick box or a list must not press the form's first button ("Confirm ticked
//    tags") for the reviewer. Only the buttons decide. Without script, the form's first button
//    is a harmless one that saves nothing and says so (see the view).
// 2. After a decision or an undo the page opens at the place the view chose (the text the
//    reviewer was on, the next one, or "Recent decisions"): focus goes to that heading, and
//    what was saved is shown beside it (the messages at the top are off screen by then) and
//    describes it, so it is seen and heard. Without script the browser still scrolls there
//    and Tab carries on from it.
document.querySelectorAll("form[data-review-form]").forEach((form) => {
  form.addEventListener("keydown", (event) => {
    const field = event.target;
    if (event.key === "Enter" && (field.type === "checkbox" || field.tagName === "SELECT")) {
      event.preventDefault();
    }
  });
});

const place = window.location.hash.length > 1
  ? document.getElementById(decodeURIComponent(window.location.hash.slice(1)))
  : null;
if (place && place.matches("[data-review-place]")) {
  const said = document.querySelector(".messages ul");
  if (said && said.textContent.trim()) {
    const note = document.createElement("div");
    note.id = "review-said";
    note.className = "w-mt-2";
    said.querySelectorAll("li").forEach((item) => {
      const line = document.createElement("p");
      const level = ["error", "warning"].find((name) => item.classList.contains(name));
      line.className = `help-block ${{ error: "help-critical", warning: "help-warning" }[level] || "help-info"}`;
      line.textContent = item.textContent.trim();
      note.append(line);
    });
    place.after(note);
    place.setAttribute("aria-describedby", note.id);
  }
  place.focus();
}
