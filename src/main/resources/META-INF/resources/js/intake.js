// Optional: the site list shows only the chosen community's compounds. Without script all are listed.
(function () {
  var community = document.getElementById('community'), site = document.getElementById('site');
  function follow() {
    for (var i = 1; i < site.options.length; i++) {
      var option = site.options[i];
      option.hidden = community.value !== '' && option.dataset.community !== community.value;
      if (option.hidden && option.selected) { site.value = ''; }
    }
  }
  community.addEventListener('change', follow);
  follow();
})();

// Optional: the description's counter, "120 of at most 4000"; over the limit it turns red (the server refuses it).
(function () {
  var text = document.getElementById('description'), counter = document.getElementById('description-counter');
  if (!text || !counter) { return; }
  var max = parseInt(counter.dataset.max, 10), template = counter.dataset.countText;
  function count() {
    var n = text.value.length; // UTF-16 units, as the server counts
    counter.textContent = template.replace('%n', n).replace('%max', max);
    counter.classList.toggle('over', n > max);
  }
  text.addEventListener('input', count);
  count();
})();
