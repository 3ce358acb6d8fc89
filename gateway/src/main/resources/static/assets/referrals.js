'use strict';
(async function () {
  const me = await App.start('/referrals.html');
  const problem = document.getElementById('problem');
  const list = document.getElementById('list');
  if (me.role === 'host') {
    document.getElementById('heading').textContent = 'Referrals to your places';
  }
  /** Days left to answer, in words, from the deadline the server set. */
  function daysLeft(respondBy) {
    const days = Math.ceil((new Date(respondBy) - Date.now()) / 86400000);
    return days <= 0 ? 'due today' : days === 1 ? '1 day left' : days + ' days left';
  }

  /** One referral; its name is a heading one level below the list's own heading. */
  function card(referral, level) {
    const item = App.element('li', null, 'card');
    const heading = App.element(level);
    const link = App.element('a', (referral.person ? [referral.person.firstName, referral.person.lastName].filter(Boolean).join(' ') + ' to ' : '') + referral.place.name);
    link.href = '/referral.html?id=' + encodeURIComponent(referral.id);
    heading.appendChild(link);
    item.appendChild(heading);
    item.appendChild(App.element('p', App.label('referral-status', referral.status), 'status status-' + referral.status));
    if (referral.status === 'requested' && referral.respondBy) {
      item.appendChild(App.element('p', 'Answer by ' + App.when(referral.respondBy) + ' (' + daysLeft(referral.respondBy) + ')'));
    }
    if (referral.requestedAt) {
      item.appendChild(App.element('p', 'Sent ' + App.when(referral.requestedAt), 'muted'));
    }
    return item;
  }

  try {
    const referrals = await App.api('GET', '/api/referrals?size=100');
    document.getElementById('count').textContent = referrals.length === 0 ? 'There are no referrals yet.'
      : referrals.length === 1 ? '1 referral' : referrals.length + ' referrals';
    // A host answers first what still needs an answer, soonest deadline first; the rest follow as the server lists them
    const waiting = me.role === 'host'
      ? referrals.filter((referral) => referral.status === 'requested')
        .sort((one, other) => String(one.respondBy).localeCompare(String(other.respondBy)))
      : [];
    const others = referrals.filter((referral) => !waiting.includes(referral));
    if (waiting.length) {
      list.before(App.make('h2', { id: 'waiting-heading' }, waiting.length === 1 ? '1 needs an answer' : waiting.length + ' need an answer'));
      const first = App.make('ul', { id: 'waiting', className: 'cards' });
      waiting.forEach((referral) => first.appendChild(card(referral, 'h3')));
      list.before(first);
      if (others.length) {
        list.before(App.make('h2', { id: 'others-heading' }, 'Answered'));
      }
    }
    others.forEach((referral) => list.appendChild(card(referral, waiting.length ? 'h3' : 'h2')));
  } catch (failure) {
    App.showProblem(problem, failure);
  }
}());
