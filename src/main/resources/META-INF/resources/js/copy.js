// Copy buttons: data-copy names the element whose text is copied; the status next to the button says it worked.
document.querySelectorAll('button[data-copy]').forEach(function (button) {
  button.addEventListener('click', function () {
    var source = document.getElementById(button.getAttribute('data-copy'));
    var status = button.parentElement.querySelector('.copy-status');
    if (!source || !navigator.clipboard) {
      if (status) { status.textContent = 'Select the key and copy it by hand.'; }
      return;
    }
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      if (status) { status.textContent = button.getAttribute('data-done') || 'Copied'; }
    }, function () {
      if (status) { status.textContent = 'Select the key and copy it by hand.'; }
    });
  });
});
