// Search as you type on the catalog page. The page works without it: the form submits as usual.
// The results are the server's own rendering of the same URL, parsed (never executed) and swapped in.
(function () {
  'use strict';
  var form = document.getElementById('catalog-search');
  if (!form || !window.fetch || !window.DOMParser || !window.URLSearchParams) {
    return;
  }
  var input = form.querySelector('input[name="q"]');
  var timer = null;
  var controller = null;

  function url() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (value !== '' && !(key === 'sort' && value === 'relevance')) {
        params.append(key, value);
      }
    });
    var query = params.toString();
    return form.getAttribute('action') + (query ? '?' + query : '');
  }

  function update() {
    var target = url();
    if (controller) {
      controller.abort();
    }
    controller = window.AbortController ? new AbortController() : null;
    fetch(target, { headers: { Accept: 'text/html' }, signal: controller ? controller.signal : undefined })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('status ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('results');
        var current = document.getElementById('results');
        if (fresh && current) {
          current.replaceWith(document.importNode(fresh, true));
          window.history.replaceState(null, '', target);
        }
      })
      .catch(function () {
        // A failed or superseded refresh leaves the current results; submitting the form still works.
      });
  }

  input.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 250);
  });
  Array.prototype.forEach.call(form.querySelectorAll('select'), function (select) {
    select.addEventListener('change', update);
  });
  form.classList.add('live');
})();
