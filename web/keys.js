// Keyboard: "/" focuses the search box, j and k move between hits, n and p between the matches
// of an open document, Escape goes back.

function typing(target) {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement || (target instanceof HTMLElement && target.isContentEditable);
}

/** Moves the focus to the next (`step` 1) or previous (-1) hit's link. */
export function moveHit(step) {
  const links = [...document.querySelectorAll('#hits .hit-link')];
  if (!links.length) return;
  const at = links.indexOf(document.activeElement);
  const next = at < 0 ? (step > 0 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + step));
  links[next].focus();
  links[next].closest('.hit').scrollIntoView({ block: 'nearest' });
}

/** Installs the keys. `handlers` has `focusSearch()`, `inDocument()`, `nextMatch()`,
 *  `previousMatch()` and `back()`. */
export function installKeys(handlers) {
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) {
      if (event.key === 'Escape') event.target.blur();
      return;
    }
    const inDocument = handlers.inDocument();
    const action = {
      '/': handlers.focusSearch,
      j: inDocument ? null : () => moveHit(1),
      k: inDocument ? null : () => moveHit(-1),
      n: inDocument ? handlers.nextMatch : null,
      p: inDocument ? handlers.previousMatch : null,
      N: inDocument ? handlers.previousMatch : null,
      Escape: inDocument ? handlers.back : null,
    }[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });
}
