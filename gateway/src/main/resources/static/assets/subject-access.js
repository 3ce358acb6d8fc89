'use strict';
// A person's request for a copy of what is held about them: an admin finds them by NHS number, or
// by name and postcode district, then shows the copy to print or save, or downloads it. The words
// of the copy are the service's; this page only lays them out.
(async function () {
  await App.start('/subject-access.html', ['admin']);
  const FIND = '/api/referrals/subject-access';
  const problem = document.getElementById('problem');
  const found = document.getElementById('found');
  const copy = document.getElementById('copy');
  const actions = document.getElementById('copy-actions');
  const FIELDS = { nhsNumber: 'nhsNumber', firstName: 'firstName', lastName: 'lastName', postcodeDistrict: 'postcodeDistrict' };
  let asked = null;

  const byNhsNumber = App.form({ id: 'by-nhs-number', noValidate: true }, [
    App.group('Find them by NHS number', [
      App.field('NHS number', App.input({ id: 'nhsNumber', name: 'nhsNumber', inputMode: 'numeric', spellcheck: false }), 'It is 10 digits, such as 943 476 5919'),
      App.make('p', {}, App.button('Find by NHS number'))
    ])
  ], (form) => find(new URLSearchParams({ nhsNumber: form.nhsNumber.value.trim() })));
  const byName = App.form({ id: 'by-name', noValidate: true }, [
    App.group('Or find them by name and where they live', [
      App.field('First name', App.input({ id: 'firstName', name: 'firstName', spellcheck: false })),
      App.field('Last name', App.input({ id: 'lastName', name: 'lastName', spellcheck: false })),
      App.field('Postcode district', App.input({ id: 'postcodeDistrict', name: 'postcodeDistrict', spellcheck: false }), 'Such as S6, or their full postcode'),
      App.make('p', {}, App.button('Find by name'))
    ])
  ], (form) => find(new URLSearchParams({ firstName: form.firstName.value.trim(), lastName: form.lastName.value.trim(),
    postcodeDistrict: form.postcodeDistrict.value.trim() })));
  document.getElementById('search').replaceChildren(byNhsNumber, byName);

  async function find(query) {
    App.clearProblem(problem);
    copy.hidden = true;
    try {
      const answer = await App.api('GET', FIND + '?' + query);
      asked = query;
      const count = answer.referrals.length;
      document.getElementById('count').textContent = count === 0 ? 'We hold no referrals about anyone with ' + answer.searchedFor + '.'
        : (count === 1 ? 'One referral' : count + ' referrals') + ' about ' + answer.searchedFor + '. Check they are the person who asked before you make their copy.';
      document.getElementById('found-referrals').replaceChildren(count === 0 ? '' : App.table('Referrals about ' + answer.searchedFor,
        ['Name', 'Postcode district', 'Made on', 'Place', 'Status', 'Reference'],
        answer.referrals.map((referral) => [referral.name, referral.postcodeDistrict, referral.madeOn, referral.place,
          referral.status, referral.id])));
      document.getElementById('download').href = FIND + '/copy?' + query;
      actions.hidden = count === 0;
      found.hidden = false;
    } catch (failure) {
      found.hidden = true;
      App.showProblem(problem, failure, FIELDS);
    }
  }

  /** A section of the copy and its parts, each a heading one level down: its paragraphs, then its facts. */
  function section(part, level) {
    const made = App.make('section', {}, App.make('h' + Math.min(level, 6), {}, part.heading),
      ...part.paragraphs.map((words) => App.element('p', words)));
    if (part.facts.length > 0) {
      made.appendChild(App.make('dl', { className: 'summary' },
        ...part.facts.flatMap((fact) => [App.make('dt', {}, fact.label), App.make('dd', { className: 'held' }, fact.value)])));
    }
    part.parts.forEach((inner) => made.appendChild(section(inner, level + 1)));
    return made;
  }

  document.getElementById('show-copy').addEventListener('click', async () => {
    App.clearProblem(problem);
    try {
      const held = await App.api('GET', FIND + '/copy?' + asked);
      const heading = App.make('h1', { id: 'copy-heading', tabIndex: -1 }, held.title);
      document.getElementById('copy-document').replaceChildren(heading,
        ...held.introduction.map((words) => App.element('p', words)),
        ...held.sections.map((part) => section(part, 2)));
      const page = '<!doctype html><html lang="en-GB"><head><meta charset="utf-8">' + App.make('title', {}, held.title).outerHTML
        + '<style>body{font-family:Arial,sans-serif;line-height:1.4;max-width:45em;margin:2em auto;padding:0 1em}'
        + 'dt{font-weight:bold}dd{margin:0 0 .75em}</style></head><body>'
        + document.getElementById('copy-document').innerHTML.replace(/ tabindex="-1"/g, '') + '</body></html>';
      const save = document.getElementById('save-page');
      URL.revokeObjectURL(save.href);
      save.href = URL.createObjectURL(new Blob([page], { type: 'text/html' }));
      save.download = 'copy-of-what-is-held.html';
      copy.hidden = false;
      heading.focus();
    } catch (failure) {
      App.showProblem(problem, failure);
    }
  });
  document.getElementById('print').addEventListener('click', () => window.print());
}());
