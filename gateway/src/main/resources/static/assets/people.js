'use strict';
(async function () {
  await App.start('/people.html', ['admin']);
  const problem = document.getElementById('problem');

  async function load() {
    try {
      const people = await App.api('GET', '/api/people');
      document.getElementById('people').replaceChildren(App.table('People who sign in with a password',
        ['Username', 'Name', 'Role', 'Organisation', 'Account'], people.map((person) => [person.username, person.name,
          App.words(person.role), person.organisationName, person.lockedUntil ? unlock(person) : 'Open'])));
    } catch (failure) {
      App.showProblem(problem, failure);
    }
  }

  function unlock(person) {
    const cell = App.element('span', 'Locked until ' + App.when(person.lockedUntil) + ' ');
    const button = App.element('button', 'Unlock', 'secondary');
    button.type = 'button';
    button.setAttribute('aria-label', 'Unlock ' + person.username);
    button.addEventListener('click', async () => {
      problem.hidden = true;
      try {
        await App.api('POST', '/api/people/' + encodeURIComponent(person.username) + '/unlock');
        document.getElementById('done').textContent = person.username + ' can sign in again.';
        await load();
      } catch (failure) {
        App.showProblem(problem, failure);
      }
    });
    cell.appendChild(button);
    return cell;
  }

  await load();
}());
