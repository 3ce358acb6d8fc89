'use strict';
(async function () {
  const TASKS = {
    referrer: [['/find.html', 'Find a place and refer someone'], ['/referrals.html', 'Follow your referrals']],
    host: [['/referrals.html', 'Answer referrals to your places']],
    commissioner: [['/referrals.html', 'See referrals, with nobody in them']],
    admin: [['/referrals.html', 'See referrals, with nobody in them']]
  };
  const me = await App.start('/');
  document.getElementById('greeting').textContent = 'Hello, ' + (me.name || me.username);
  const tasks = document.getElementById('tasks');
  (TASKS[me.role] || []).forEach(([href, text]) => {
    const item = document.createElement('li');
    const link = App.element('a', text);
    link.href = href;
    item.appendChild(link);
    tasks.appendChild(item);
  });
}());
