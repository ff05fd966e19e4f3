// Progressive enhancement only: the form works without this file.
(function () {
  'use strict';
  var form = document.querySelector('form');
  if (!form) { return; }

  // VAS: show the slider and keep it and the number input in step; the number input is what is submitted.
  document.querySelectorAll('.slider').forEach(function (slider) {
    var number = document.getElementById(slider.dataset.number);
    slider.parentElement.hidden = false;
    if (number.value !== '') { slider.value = number.value; }
    slider.addEventListener('input', function () { number.value = slider.value; slider.classList.remove('unset'); update(); });
    number.addEventListener('input', function () {
      if (number.value !== '') { slider.value = number.value; slider.classList.remove('unset'); } else { slider.classList.add('unset'); }
      update();
    });
  });

  var progress = document.getElementById('progress');
  function update() {
    if (!progress) { return; }
    var answered = 0;
    form.querySelectorAll('fieldset.question').forEach(function (q) {
      if (q.querySelector('input[type=radio]:checked') || (q.querySelector('.number-input') || {}).value) { answered++; }
    });
    progress.textContent = progress.dataset.template.replace('{answered}', answered).replace('{total}', progress.dataset.total);
  }
  form.addEventListener('change', update);

  // Keyboard and screen-reader users land on the list of problems.
  var summary = document.getElementById('error-summary');
  if (summary) { summary.focus(); }

  // One submission per page view: a double tap does not send twice.
  form.addEventListener('submit', function () {
    var button = form.querySelector('button[type=submit]');
    setTimeout(function () { button.disabled = true; }, 0);
  });
})();
