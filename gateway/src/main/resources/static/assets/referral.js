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
    const going = referral.status === 'accepted' || referral.status === 'in-progress';
    if (me.role === 'host' && referral.status === 'requested') {
      offered.push(button('Accept', () => act(referral, 'accept')));
      offered.push(decline(referral));
    }
    if ((me.role === 'host' || me.role === 'referrer') && going) {
      offered.push(attendance(referral, true));
      offered.push(attendance(referral, false));
    }
    if ((me.role === 'host' || me.role === 'referrer') && referral.status === 'in-progress') {
      offered.push(button('Mark as completed', () => act(referral, 'complete'), true));
    }
    if (me.role === 'referrer' && ['rejected', 'expired', 'cancelled', 'failed'].includes(referral.status) && !referral.nextAttempt) {
      const again = App.element('a', 'Refer them to another place', 'button-link');
      again.href = '/find.html?again=' + encodeURIComponent(referral.id);
      offered.push(again);
    }
    if (referral.nextAttempt) {
      const next = App.element('a', 'See the referral that followed this one');
      next.href = '/referral.html?id=' + encodeURIComponent(referral.nextAttempt);
      offered.push(next);
    }
    offered.forEach((control) => area.appendChild(control));
    document.getElementById('actions-section').hidden = offered.length === 0;
    outcomes(referral);
  }

  /** The referrer's before-and-after scores: the baseline any time, the follow-up once the person has started going. */
  function outcomes(referral) {
    const section = document.getElementById('outcomes-section');
    const area = document.getElementById('outcomes');
    area.replaceChildren();
    if (me.role !== 'referrer') {
      section.hidden = true;
      return;
    }
    section.hidden = false;
    const recorded = referral.outcomes || {};
    [['baseline', 'Before'], ['followUp', 'After']].forEach(([timepoint, label]) => {
      const scores = recorded[timepoint];
      if (scores) {
        const facts = ['Loneliness ' + scores.uclaLoneliness + ' of 9 (3 is least lonely)'];
        if (scores.ons4) {
          facts.push('life satisfaction ' + scores.ons4.lifeSatisfaction, 'worthwhile ' + scores.ons4.worthwhile,
            'happiness ' + scores.ons4.happiness, 'anxiety ' + scores.ons4.anxiety);
        }
        area.appendChild(App.element('p', label + ' (' + new Date(scores.measuredOn).toLocaleDateString('en-GB', { dateStyle: 'medium' }) + '): ' + facts.join(', ') + '.'));
      }
    });
    if (!recorded.baseline) {
      area.appendChild(scoresForm(referral, 'baseline', 'Record scores before they start'));
    } else if (!recorded.followUp && (referral.status === 'in-progress' || referral.status === 'completed')) {
      area.appendChild(scoresForm(referral, 'follow-up', 'Record follow-up scores'));
    } else if (!recorded.followUp) {
      area.appendChild(App.element('p', 'Follow-up scores can be recorded once they have started going.', 'muted'));
    }
  }

  const UCLA = ['How often do they feel that they lack companionship?', 'How often do they feel left out?',
    'How often do they feel isolated from others?'];

  const ONS4 = [['lifeSatisfaction', 'How satisfied are they with their life nowadays?'],
    ['worthwhile', 'To what extent do they feel the things they do in their life are worthwhile?'],
    ['happiness', 'How happy did they feel yesterday?'], ['anxiety', 'How anxious did they feel yesterday?']];

  function scoresForm(referral, timepoint, title) {
    const form = document.createElement('form');
    form.id = 'scores';
    form.appendChild(App.element('h3', title));
    form.appendChild(App.element('p', 'Ask in the person’s own words. Their answers are kept with this referral and counted for commissioners without their name.', 'hint'));
    UCLA.forEach((question, index) => {
      const set = document.createElement('fieldset');
      set.appendChild(App.element('legend', question));
      [['1', 'Hardly ever'], ['2', 'Some of the time'], ['3', 'Often']].forEach(([value, words]) => {
        const line = App.element('p', null, 'checkbox');
        const input = document.createElement('input');
        input.type = 'radio';
        input.name = 'ucla' + index;
        input.value = value;
        input.required = true;
        input.id = 'ucla' + index + '-' + value;
        const label = App.element('label', words);
        label.htmlFor = input.id;
        line.append(input, label);
        set.appendChild(line);
      });
      form.appendChild(set);
    });
    const wellbeing = document.createElement('fieldset');
    wellbeing.appendChild(App.element('legend', 'Wellbeing (optional): from 0, not at all, to 10, completely'));
    ONS4.forEach(([name, question]) => {
      const line = App.element('p');
      const label = App.element('label', question);
      label.htmlFor = 'ons4-' + name;
      const input = document.createElement('input');
      input.type = 'number';
      input.min = '0';
      input.max = '10';
      input.inputMode = 'numeric';
      input.className = 'short';
      input.id = 'ons4-' + name;
      input.name = name;
      line.append(label, input);
      wellbeing.appendChild(line);
    });
    form.appendChild(wellbeing);
    const submit = App.element('button', 'Save scores');
    submit.type = 'submit';
    form.appendChild(submit);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = { timepoint, uclaLoneliness: UCLA.reduce((sum, question, index) => sum + Number(form['ucla' + index].value), 0) };
      const answered = ONS4.filter(([name]) => form[name].value !== '');
      if (answered.length > 0) {
        body.ons4 = {};
        ONS4.forEach(([name]) => {
          body.ons4[name] = form[name].value === '' ? null : Number(form[name].value);
        });
      }
      await send('/api/referrals/' + encodeURIComponent(referral.id) + '/outcomes', body);
    });
    return form;
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
    const otherLabel = App.element('label', 'Say why, for the referrer (no details about the person)');
    otherLabel.htmlFor = 'decline-text';
    const other = document.createElement('input');
    other.id = 'decline-text';
    other.type = 'text';
    other.maxLength = 1000;
    const otherLine = App.element('p');
    otherLine.append(otherLabel, other);
    otherLine.hidden = true;
    select.addEventListener('change', () => {
      otherLine.hidden = select.value !== 'other';
    });
    const submit = App.element('button', 'Decline', 'secondary');
    submit.type = 'submit';
    form.append(label, select, otherLine, submit);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      act(referral, 'reject', { reason: select.value, text: select.value === 'other' ? other.value : undefined });
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
