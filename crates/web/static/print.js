// The "Print" button of the printable indicator sheets (/sheets/{id}). The
// Content-Security-Policy allows no inline handler, so the button comes
// hidden and this file shows it and makes it print. Without scripts the
// page tells readers to use the browser's own print command.
document.querySelectorAll("[data-soleil-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});
