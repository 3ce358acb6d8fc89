'use strict';
(async function () {
  const TASKS = {
    referrer: [['/find.html', 'Find a place and refer someone'], ['/referrals.html', 'Follow your referrals']],
    host: [['/referrals.html', 'Answer referrals to your places'], ['/places.html', 'Keep your opening times and room up to date']],
    commissioner: [['/uptake.html', 'See uptake: referred, accepted, attended, and whether it helped'],
      ['/referrals.html', 'See referrals, with nobody in them']],
    admin: [['/uptake.html', 'See uptake'], ['/places.html', 'Keep places up to date'], ['/imports.html', 'Import places'],
      ['/people.html', 'See who can sign in, and unlock accounts'], ['/audit.html', 'Read the audit trail'],
      ['/subject-access.html', 'Answer a person who asks for a copy of what is held about them'],
      ['/dead-letters.html', 'Replay alerts that could not be handled']]
  };
  // What this service is for, in each role's own terms
  const INTROS = {
    referrer: 'Refer people who are lonely or isolated to a community place near them, and follow how it goes.',
    host: 'Link workers and social workers refer people who would like some company to your place. Answer each referral, and keep your times and room up to date.',
    commissioner: 'See how referrals to community places are taken up, where people come from, and whether going helped.',
    admin: 'Keep the places, the people who sign in and the alerts of this service in order.'
  };
  const me = await App.start('/');
  document.getElementById('greeting').textContent = 'Hello, ' + (me.name || me.username);
  document.getElementById('intro').textContent = INTROS[me.role] || '';
  const tasks = document.getElementById('tasks');
  (TASKS[me.role] || []).forEach(([href, text]) => tasks.appendChild(App.make('li', {}, App.make('a', { href }, text))));
}());
