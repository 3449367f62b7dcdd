(function () {
  'use strict';
  var cards = Array.prototype.slice.call(document.querySelectorAll('#cards .card'));
  var search = document.getElementById('search');
  var shown = document.getElementById('shown');
  var texts = cards.map(function (card) { return card.textContent.toLowerCase(); });
  var timer = 0;

  function apply() {
    var checked = document.querySelector('input[name=status]:checked');
    var status = checked ? checked.value : 'all';
    var query = search.value.trim().toLowerCase();
    var count = 0;
    for (var i = 0; i < cards.length; i++) {
      var visible = (status === 'all' || cards[i].getAttribute('data-status') === status)
        && (query === '' || texts[i].indexOf(query) >= 0);
      cards[i].hidden = !visible;
      if (visible) { count++; }
    }
    shown.textContent = count + ' of ' + cards.length + ' cards shown';
  }

  document.getElementById('filters').addEventListener('change', apply);
  search.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(apply, cards.length > 2000 ? 200 : 0);
  });
  document.getElementById('filters').hidden = false;
  apply();
}());
