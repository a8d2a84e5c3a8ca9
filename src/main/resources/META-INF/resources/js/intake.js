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
