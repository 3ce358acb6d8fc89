'use strict';
(async function () {
  const me = await App.start('/find.html');
  const problem = document.getElementById('problem');
  const results = document.getElementById('results');
  const count = document.getElementById('result-count');
  // Choosing another place for someone whose referral was declined or expired
  const again = new URLSearchParams(window.location.search).get('again');
  if (again && me.role === 'referrer') {
    document.querySelector('h1').textContent = 'Find another place';
    document.querySelector('h1').after(App.element('p', 'Their details and consent are carried over from the earlier referral.', 'lead'));
  }

  const form = App.form({ id: 'search', className: 'search' }, [
    App.field('What are they interested in?', App.input({ id: 'q', name: 'q', type: 'search', placeholder: 'For example: knitting, walking, quiz' })),
    App.field('Their postcode', App.input({ id: 'postcode', name: 'postcode', className: 'short' }),
      'Used only to show places near them. It is not stored.'),
    App.field('Kind of place', App.select({ id: 'kind', name: 'kind' }, App.terms('place-kind'), 'Any')),
    App.group('They need', [
      App.check({ id: 'step-free', name: 'accessibility', value: 'step-free' }, App.label('accessibility', 'step-free')),
      App.check({ id: 'has-capacity', name: 'hasCapacity', value: 'true' }, 'A place with room now')]),
    App.make('p', {}, App.button('Search'))
  ], search);
  form.setAttribute('role', 'search');
  problem.before(form);

  async function search() {
    problem.hidden = true;
    const query = new URLSearchParams();
    ['q', 'postcode', 'kind'].forEach((name) => {
      const value = form[name].value.trim();
      if (value) {
        query.set(name, value);
      }
    });
    if (form.accessibility.checked) {
      query.append('accessibility', 'step-free');
    }
    if (form.hasCapacity.checked) {
      query.set('hasCapacity', 'true');
    }
    count.textContent = 'Searching…';
    try {
      const found = await App.api('GET', '/api/places/search?' + query);
      show(found);
    } catch (failure) {
      count.textContent = '';
      App.showProblem(problem, failure);
    }
  }

  async function reRefer(hit) {
    problem.hidden = true;
    try {
      const referral = await App.api('POST', '/api/referrals/' + encodeURIComponent(again) + '/re-referrals', { placeId: hit.id });
      window.location.assign('/referral.html?id=' + encodeURIComponent(referral.id));
    } catch (failure) {
      App.showProblem(problem, failure);
    }
  }

  function show(found) {
    results.replaceChildren();
    document.getElementById('results-heading').hidden = false;
    count.textContent = found.total === 1 ? '1 place found' : found.total + ' places found';
    found.hits.forEach((hit) => {
      const item = App.element('li', null, 'result');
      item.appendChild(App.make('h3', {}, App.make('a', { href: '/place.html?id=' + encodeURIComponent(hit.id) }, hit.name)));
      const facts = [App.label('place-kind', hit.kind), hit.postcodeDistrict];
      if (hit.distanceMetres !== null && hit.distanceMetres !== undefined) {
        facts.push((hit.distanceMetres / 1609.344).toFixed(1) + ' miles away');
      }
      facts.push(hit.free === null ? 'Cost not known' : hit.free ? 'Free' : 'Costs something');
      item.appendChild(App.element('p', facts.filter(Boolean).join(' · ')));
      if (hit.matched && hit.matched.length) {
        item.appendChild(App.element('p', 'Matched: ' + hit.matched.join(', ')));
      }
      const room = hit.capacityAvailable === null || hit.capacityAvailable === undefined
        ? 'Room: not known'
        : hit.capacityAvailable > 0 ? 'Room for ' + hit.capacityAvailable + ' more' : 'Full at the moment';
      item.appendChild(App.element('p', room, hit.capacityAvailable === 0 ? 'full' : 'room'));
      if (hit.accessibility && hit.accessibility.length) {
        item.appendChild(App.element('p', 'Access: ' + hit.accessibility.map((code) => App.label('accessibility', code)).join(', ')));
      }
      if (me.role === 'referrer' && again) {
        const refer = App.element('button', 'Refer them to ' + hit.name + ' instead');
        refer.type = 'button';
        refer.addEventListener('click', () => reRefer(hit));
        item.appendChild(refer);
      } else if (me.role === 'referrer') {
        const refer = App.element('a', 'Refer someone to ' + hit.name, 'button-link');
        refer.href = '/refer.html?place=' + encodeURIComponent(hit.id) + '&name=' + encodeURIComponent(hit.name);
        item.appendChild(refer);
      }
      results.appendChild(item);
    });
  }
}());
