'use strict';
(async function () {
  await App.start('/referrals.html');
  const id = new URLSearchParams(window.location.search).get('id');
  const problem = document.getElementById('problem');
  const statusLine = document.getElementById('status-line');
  statusLine.tabIndex = -1;
  // The referral's version as the server last sent it, sent back with every change
  let version = null;

  async function load() {
    try {
      const read = await App.api('GET', '/api/referrals/' + encodeURIComponent(id), undefined, { withVersion: true });
      version = read.version;
      show(read.answer);
    } catch (failure) {
      App.showProblem(problem, failure);
    }
  }

  function show(referral) {
    const person = referral.person;
    document.getElementById('heading').textContent = (person ? person.firstName + ' to ' : 'Referral to ') + referral.place.name;
    document.title = document.getElementById('heading').textContent + ' – Community places';
    statusLine.textContent = 'Status: ' + App.label('referral-status', referral.status)
      + (referral.status === 'requested' && referral.respondBy ? '. The place answers by ' + App.when(referral.respondBy) : '');

    const facts = document.getElementById('person');
    facts.replaceChildren();
    const fact = (term, value) => {
      if (value !== null && value !== undefined && value !== '') {
        facts.append(App.element('dt', term), App.element('dd', value));
      }
    };
    const named = (vocabulary, codes) => (codes || []).map((code) => App.label(vocabulary, code)).join(', ');
    if (person) {
      fact('Name', [person.firstName, person.lastName].filter(Boolean).join(' '));
      fact('Needs', named('need', person.needs));
      fact('Interests', named('activity', person.interests));
      fact('Access needs', named('accessibility', person.accessibility));
      if (person.contact) {
        fact('Contact', App.label('contact-method', person.contact.method) + (person.contact.value ? ': ' + person.contact.value : ''));
      }
    }
    fact('Referred by', referral.referringOrganisation || (referral.referrer && referral.referrer.organisationName));
    fact('Place', referral.place.name);

    document.getElementById('timeline').replaceChildren(...(referral.history || []).map((step) => App.make('li', {},
      App.element('span', App.label('referral-status', step.status), 'step'),
      App.element('span', ' ' + App.when(step.at), 'muted'),
      step.reason ? App.element('span', ' (' + App.reason(step.status, step.reason) + ')') : null)));

    const offered = referral.actions || [];
    const controls = offered.filter((action) => action.input !== 'outcome')
      .map((action, index) => control(action, index === 0)).filter(Boolean);
    if (referral.nextAttempt) {
      controls.push(App.make('a', { href: '/referral.html?id=' + encodeURIComponent(referral.nextAttempt) },
        'See the referral that followed this one'));
    }
    document.getElementById('actions').replaceChildren(...controls);
    document.getElementById('actions-section').hidden = controls.length === 0;
    outcomes(referral.outcomes || {}, offered.filter((action) => action.input === 'outcome'));
  }

  /** The control for one action the server offers this person, by what it asks for. */
  function control(action, first) {
    const look = first ? {} : { className: 'secondary' };
    switch (action.input) {
      case 'none': {
        const button = App.button(action.label, Object.assign({ type: 'button' }, look));
        button.addEventListener('click', () => send(action));
        return button;
      }
      case 'attendance': {
        const button = App.button(action.label, Object.assign({ type: 'button' }, look));
        button.addEventListener('click', () => send(action,
          { on: new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' }), attended: action.attended }));
        return button;
      }
      case 'reason':
        return reasonForm(action, look);
      case 'place':
        return App.make('a', { className: 'button-link', href: '/find.html?again=' + encodeURIComponent(id) }, action.label);
      default:
        return null;
    }
  }

  /** A reason from the action's list, and words of their own where that reason needs them. */
  function reasonForm(action, look) {
    const select = App.select({ id: action.action + '-reason', name: 'reason' },
      action.reasons.map((reason) => ({ code: reason.code, name: reason.label })));
    const text = App.input({ id: action.action + '-text', name: 'text', maxLength: 1000 });
    const textLine = App.field('Say why, in a few words (no details about the person)', text);
    const needsText = () => action.reasons.some((reason) => reason.code === select.value && reason.needsText);
    textLine.hidden = !needsText();
    select.addEventListener('change', () => {
      textLine.hidden = !needsText();
    });
    return App.form({ className: 'inline-form' }, [
      App.field('Reason to ' + action.label.charAt(0).toLowerCase() + action.label.slice(1), select),
      textLine,
      App.button(action.label, look)
    ], () => send(action, { reason: select.value, text: needsText() ? text.value : undefined }));
  }

  /** The scores recorded so far, and the form for the scores the server asks for now. */
  function outcomes(recorded, asked) {
    const shown = [['baseline', 'Before'], ['followUp', 'After']].filter(([timepoint]) => recorded[timepoint])
      .map(([timepoint, label]) => {
        const scores = recorded[timepoint];
        const facts = ['Loneliness ' + scores.uclaLoneliness + ' of 9 (3 is least lonely)'];
        if (scores.ons4) {
          facts.push('life satisfaction ' + scores.ons4.lifeSatisfaction, 'worthwhile ' + scores.ons4.worthwhile,
            'happiness ' + scores.ons4.happiness, 'anxiety ' + scores.ons4.anxiety);
        }
        return App.element('p', label + ' (' + new Date(scores.measuredOn).toLocaleDateString('en-GB', { dateStyle: 'medium' }) + '): ' + facts.join(', ') + '.');
      });
    const forms = asked.map(scoresForm);
    document.getElementById('outcomes').replaceChildren(...shown, ...forms);
    document.getElementById('outcomes-section').hidden = shown.length + forms.length === 0;
  }

  const UCLA = ['How often do they feel that they lack companionship?', 'How often do they feel left out?',
    'How often do they feel isolated from others?'];

  const UCLA_ANSWERS = [{ code: '1', name: 'Hardly ever' }, { code: '2', name: 'Some of the time' }, { code: '3', name: 'Often' }];

  const ONS4 = [['lifeSatisfaction', 'How satisfied are they with their life nowadays?'],
    ['worthwhile', 'To what extent do they feel the things they do in their life are worthwhile?'],
    ['happiness', 'How happy did they feel yesterday?'], ['anxiety', 'How anxious did they feel yesterday?']];

  function scoresForm(action) {
    return App.form({ id: 'scores' }, [
      App.make('h3', {}, action.label),
      App.element('p', 'Ask in the person’s own words. Their answers are kept with this referral and counted for commissioners without their name.', 'hint'),
      ...UCLA.map((question, index) => App.choice(question, 'ucla' + index, UCLA_ANSWERS, { type: 'radio', required: true })),
      App.group('Wellbeing (optional): from 0, not at all, to 10, completely', ONS4.map(([name, question]) => App.field(question,
        App.input({ id: 'ons4-' + name, name, type: 'number', min: '0', max: '10', inputMode: 'numeric', className: 'short' })))),
      App.button('Save scores')
    ], (form) => {
      const body = { timepoint: action.timepoint, uclaLoneliness: UCLA.reduce((sum, question, index) => sum + Number(form['ucla' + index].value), 0) };
      if (ONS4.some(([name]) => form[name].value !== '')) {
        body.ons4 = {};
        ONS4.forEach(([name]) => {
          body.ons4[name] = form[name].value === '' ? null : Number(form[name].value);
        });
      }
      send(action, body);
    });
  }

  /** Takes an action with the version this page shows; if someone changed the referral since, shows it as it is now. */
  async function send(action, body) {
    problem.hidden = true;
    try {
      await App.api(action.method, action.href, body, { ifMatch: version });
      await load();
      statusLine.focus();
    } catch (failure) {
      if (failure.status === 412) {
        await load();
        App.showProblem(problem, { detail: 'Someone else changed this referral; here it is as it is now.' });
      } else {
        App.showProblem(problem, failure);
      }
    }
  }

  await load();
}());
