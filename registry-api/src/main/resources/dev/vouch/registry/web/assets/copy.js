// A "Copy" button beside each install snippet. Without it the snippets are plain selectable text.
(function () {
  'use strict';
  if (!navigator.clipboard) {
    return;
  }
  Array.prototype.forEach.call(document.querySelectorAll('.snippet pre > code'), function (code) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy secondary';
    button.textContent = 'Copy';
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(code.textContent).then(function () {
        button.textContent = 'Copied';
        window.setTimeout(function () { button.textContent = 'Copy'; }, 1500);
      }, function () {
        button.textContent = 'Select and copy';
      });
    });
    code.parentNode.parentNode.insertBefore(button, code.parentNode.nextSibling);
  });
})();
