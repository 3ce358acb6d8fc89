'use strict';
(async function () {
  const me = await App.start('/referrals.html');
  const id = new URLSearchParams(window.location.search).get('id');
  const problem = document.getElementById('problem');
  let codes = null;

  async function load() {
    try {
      show(await App.api('GET', '/api/referrals/' + encodeURIComponent(id)));
    } catch (failure) {
      App.showProblem(problem, failure);
    }
  }

  function show(referral) {
    const person = referral.person;
    document.getElementById('heading').textContent = (person ? person.firstName + ' to ' : 'Referral to ') + referral.place.name;
    document.title = document.getElementById('heading').textContent + ' – Community places';
    document.getElementById('status-line').textContent = 'Status: ' + App.words(referral.status)
      + (referral.status === 'requested' && referral.respondBy ? '. The place answers by ' + App.when(referral.respondBy) : '');

    const facts = document.getElementById('person');
    facts.replaceChildren();
    const fact = (term, value) => {
      if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
        return;
      }
      facts.append(App.element('dt', term), App.element('dd', Array.isArray(value) ? value.map(App.words).join(', ') : value));
    };
    if (person) {
      fact('Name', [person.firstName, person.lastName].filter(Boolean).join(' '));
      fact('Needs', person.needs);
      fact('Interests', person.interests);
      fact('Access needs', person.accessibility);
      if (person.contact) {
        fact('Contact', App.words(person.contact.method) + (person.contact.value ? ': ' + person.contact.value : ''));
      }
    }
    fact('Referred by', referral.referringOrganisation || (referral.referrer && referral.referrer.organisationName));
    fact('Place', referral.place.name);

    const timeline = document.getElementById('timeline');
    timeline.replaceChildren();
    (referral.history || []).forEach((step) => {
      const item = App.element('li');
      item.appendChild(App.element('span', App.words(step.status), 'step'));
      item.appendChild(App.element('span', ' ' + App.when(step.at), 'muted'));
      if (step.reason) {
        item.appendChild(App.element('span', ' (' + App.words(step.reason) + ')'));
      }
      timeline.appendChild(item);
    });
    actions(referral);
  }

  function actions(referral) {
    const area = document.getElementById('actions');
    area.replaceChildren();
    const offered = [];
    if (me.role === 'host' && referral.status === 'requested') {
      offered.push(button('Accept', () => act(referral, 'accept')));
      offered.push(decline(referral));
    }
    if (me.role === 'host' && (referral.status === 'accepted' || referral.status === 'in-progress')) {
      offered.push(attendance(referral, true));
      offered.push(attendance(referral, false));
    }
    if (me.role === 'referrer' && ['rejected', 'expired'].includes(referral.status) && !referral.nextAttempt) {
      const again = App.element('a', 'Refer them to another place', 'button-link');
      again.href = '/find.html';
      offered.push(again);
    }
    offered.forEach((control) => area.appendChild(control));
    document.getElementById('actions-section').hidden = offered.length === 0;
  }

  function button(text, onClick, secondary) {
    const made = App.element('button', text, secondary ? 'secondary' : undefined);
    made.type = 'button';
    made.addEventListener('click', onClick);
    return made;
  }

  function decline(referral) {
    const form = document.createElement('form');
    form.className = 'inline-form';
    const label = App.element('label', 'Reason for declining');
    label.htmlFor = 'decline-reason';
    const select = document.createElement('select');
    select.id = 'decline-reason';
    (codes ? codes.decisionReasons.reject : ['no-capacity', 'not-eligible', 'could-not-contact', 'other']).forEach((code) => {
      const option = App.element('option', App.words(code));
      option.value = code;
      select.appendChild(option);
    });
    const submit = App.element('button', 'Decline', 'secondary');
    submit.type = 'submit';
    form.append(label, select, submit);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      act(referral, 'reject', { reason: select.value, text: select.value === 'other' ? 'Declined by the place' : undefined });
    });
    return form;
  }

  function attendance(referral, attended) {
    return button(attended ? 'They came today' : 'They did not come today', async () => {
      const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
      await send('/api/referrals/' + encodeURIComponent(referral.id) + '/attendance', { on: today, attended });
    }, !attended);
  }

  async function act(referral, action, body) {
    await send('/api/referrals/' + encodeURIComponent(referral.id) + '/' + action, body);
  }

  async function send(path, body) {
    problem.hidden = true;
    try {
      await App.api('POST', path, body);
      await load();
      document.getElementById('status-line').focus();
    } catch (failure) {
      App.showProblem(problem, failure);
    }
  }

  try {
    codes = await App.api('GET', '/api/referrals/codes');
  } catch (failure) {
    codes = null;
  }
  document.getElementById('status-line').tabIndex = -1;
  await load();
}());
