'use strict';
// For admins: the places someone reported out of date, with what they said, and those nobody has
// checked for longer than the catalogue allows. Confirming one here takes it off both lists.
(async function () {
  await App.start('/listings.html', ['admin']);
  const problem = document.getElementById('problem');
  const said = document.getElementById('said');

  function day(date) {
    return new Date(date + (date.length === 10 ? 'T12:00:00Z' : '')).toLocaleDateString('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' });
  }

  function month(date) {
    return new Date(date + 'T12:00:00Z').toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'Europe/London' });
  }

  function card(review) {
    const host = [review.hostName, review.hostEmail].filter(Boolean).join(', ');
    const item = App.make('li', { className: 'card' },
      App.make('h2', {}, App.make('a', { href: '/place.html?id=' + encodeURIComponent(review.placeId) }, review.name)),
      App.element('p', review.organisation),
      App.element('p', 'Host: ' + host),
      App.element('p', review.notCheckedLately ? 'Not checked since ' + month(review.lastChecked) : 'Last checked on ' + day(review.lastChecked)),
      review.reviewAskedAt ? App.element('p', 'Host asked to check it on ' + day(review.reviewAskedAt), 'muted') : '');
    if (review.reports.length) {
      item.appendChild(App.make('ul', {}, ...review.reports.map((report) => App.make('li', {},
        App.label('listing-problem', report.problem) + ' (' + day(report.reportedAt) + ')' + (report.details ? ': “' + report.details + '”' : '')))));
    }
    const confirm = App.button('Yes, still right', { type: 'button', className: 'secondary' });
    confirm.setAttribute('aria-label', 'Yes, ' + review.name + ' is still right');
    confirm.addEventListener('click', async () => {
      App.clearProblem(problem);
      try {
        await App.api('POST', '/api/places/' + encodeURIComponent(review.placeId) + '/confirmations');
        said.textContent = review.name + ' is marked as checked today.';
        await load();
      } catch (failure) {
        App.showProblem(problem, failure);
      }
    });
    item.appendChild(App.make('p', {}, confirm));
    return item;
  }

  async function fill(state, list, none) {
    const reviews = await App.api('GET', '/api/places/reviews?state=' + state);
    list.replaceChildren(...(reviews.length ? reviews.map(card) : [App.make('li', { className: 'card' }, none)]));
  }

  async function load() {
    try {
      await fill('reported', document.getElementById('reported'), 'No listing has been reported out of date.');
      await fill('stale', document.getElementById('stale'), 'Every listing has been checked lately.');
    } catch (failure) {
      App.showProblem(problem, failure);
    }
  }

  await load();
}());
