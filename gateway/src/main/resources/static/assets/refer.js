'use strict';
(async function () {
  await App.start('/find.html');
  const query = new URLSearchParams(window.location.search);
  const placeId = query.get('place');
  const form = document.getElementById('referral');
  const problem = document.getElementById('problem');
  document.getElementById('place-line').textContent = 'To ' + (query.get('name') || 'the place you chose');
  if (!placeId) {
    App.showProblem(problem, { detail: 'Choose a place first: go to Find a place.' });
    form.hidden = true;
    return;
  }

  const codes = await App.api('GET', '/api/referrals/codes');
  [['reasons', 'reason'], ['needs', 'need'], ['interests', 'interest'], ['accessibility', 'accessibility']]
    .forEach(([fieldset, vocabulary]) => {
      const group = document.getElementById(fieldset);
      Object.entries(codes[vocabulary]).forEach(([code, label]) => {
        const id = fieldset + '-' + code;
        const line = App.element('p', null, 'checkbox');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.id = id;
        box.name = fieldset;
        box.value = code;
        const text = App.element('label', label);
        text.htmlFor = id;
        line.append(box, text);
        group.appendChild(line);
      });
    });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const ticked = (name) => Array.from(form.querySelectorAll('input[name="' + name + '"]:checked')).map((box) => box.value);
    const value = (name) => form[name].value.trim() || null;
    const referral = {
      placeId,
      person: {
        firstName: value('firstName'),
        lastName: value('lastName'),
        contact: { method: form.contactMethod.value, value: value('contactValue') },
        postcodeDistrict: value('postcodeDistrict'),
        ageBand: value('ageBand'),
        needs: ticked('needs'),
        interests: ticked('interests'),
        accessibility: ticked('accessibility'),
        nhsNumber: value('nhsNumber')
      },
      consent: { given: form.consentGiven.checked, method: form.consentMethod.value, lawfulBasis: form.lawfulBasis.value },
      reasons: ticked('reasons'),
      notes: value('notes')
    };
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const made = await App.api('POST', '/api/referrals', referral);
      window.location.assign('/referral.html?id=' + encodeURIComponent(made.id));
    } catch (failure) {
      App.showProblem(problem, failure);
    } finally {
      button.disabled = false;
    }
  });
}());
