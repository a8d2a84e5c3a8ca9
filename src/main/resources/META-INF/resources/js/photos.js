// Optional: a photo input refuses too many or too large files before the form is sent (the server checks again
// and, without script, says the same on the form it shows again).
(function () {
  var inputs = document.querySelectorAll('input[type=file][data-max-files]');
  Array.prototype.forEach.call(inputs, function (input) {
    var maxFiles = parseInt(input.dataset.maxFiles, 10), maxBytes = parseInt(input.dataset.maxMb, 10) * 1048576;
    input.addEventListener('change', function () {
      var message = '';
      if (input.files.length > maxFiles) {
        message = input.dataset.tooMany;
      } else {
        for (var i = 0; i < input.files.length; i++) {
          if (input.files[i].size > maxBytes) { message = input.dataset.tooLarge; }
        }
      }
      input.setCustomValidity(message);
      if (message) { input.reportValidity(); }
    });
  });
})();
