'use strict';
(async function () {
  const me = await App.start('/referrals.html');
  const problem = document.getElementById('problem');
  const list = document.getElementById('list');
  if (me.role === 'host') {
    document.getElementById('heading').textContent = 'Referrals to your places';
  }
  try {
    const referrals = await App.api('GET', '/api/referrals?size=100');
    document.getElementById('count').textContent = referrals.length === 0 ? 'There are no referrals yet.'
      : referrals.length === 1 ? '1 referral' : referrals.length + ' referrals';
    referrals.forEach((referral) => {
      const item = App.element('li', null, 'card');
      const heading = App.element('h2');
      const link = App.element('a', (referral.person ? referral.person.firstName + ' to ' : '') + referral.place.name);
      link.href = '/referral.html?id=' + encodeURIComponent(referral.id);
      heading.appendChild(link);
      item.appendChild(heading);
      item.appendChild(App.element('p', App.label('referral-status', referral.status), 'status status-' + referral.status));
      if (referral.status === 'requested' && referral.respondBy) {
        item.appendChild(App.element('p', 'Answer by ' + App.when(referral.respondBy)));
      }
      if (referral.requestedAt) {
        item.appendChild(App.element('p', 'Sent ' + App.when(referral.requestedAt), 'muted'));
      }
      list.appendChild(item);
    });
  } catch (failure) {
    App.showProblem(problem, failure);
  }
}());
