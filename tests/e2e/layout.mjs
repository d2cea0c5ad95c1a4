// Layout checks on element boxes (getBoundingClientRect in the real
// webview), for defects a screenshot shows but no functional step notices:
// a box painting over its neighbours, text cut off, the page scrolling
// instead of the main area. Each returns a list of what is wrong (empty when
// all is well), so a failing assert says where and by how much.

/**
 * What leaves its container: for every element matching `container`, each of
 * its direct children and every descendant matching `items` must lie inside
 * it (1 px of slack). A descendant is taken as it is seen: clipped by the
 * scrolling boxes between it and the container (a note scrolled out of its
 * area's view is not outside the area, a note painted below it is).
 */
export function spills(app, container, items) {
  return app.execute(
    `const [containerSel, itemsSel] = arguments;
     const wrong = [];
     const r = (b) => [b.left, b.top, b.right, b.bottom].map(Math.round).join(',');
     const label = (el) => (el.dataset.testid ?? el.className ?? el.tagName) + ' "' + (el.textContent ?? '').trim().slice(0, 40) + '"';
     for (const box of document.querySelectorAll(containerSel)) {
       const outer = box.getBoundingClientRect();
       const inner = new Set([...box.children, ...box.querySelectorAll(itemsSel)]);
       for (const el of inner) {
         const b = el.getBoundingClientRect();
         if (b.width === 0 || b.height === 0) continue;
         let [left, top, right, bottom] = [b.left, b.top, b.right, b.bottom];
         for (let a = el.parentElement; a !== null && a !== box; a = a.parentElement) {
           const style = getComputedStyle(a);
           if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
           const c = a.getBoundingClientRect();
           const cl = c.left + a.clientLeft, ct = c.top + a.clientTop;
           left = Math.max(left, cl); top = Math.max(top, ct);
           right = Math.min(right, cl + a.clientWidth); bottom = Math.min(bottom, ct + a.clientHeight);
         }
         if (right <= left || bottom <= top) continue; // scrolled out of view
         if (left < outer.left - 1 || top < outer.top - 1 || right > outer.right + 1 || bottom > outer.bottom + 1) {
           wrong.push(label(el) + ' at ' + r({ left, top, right, bottom }) + ' outside ' + label(box) + ' at ' + r(outer));
         }
       }
     }
     return wrong;`,
    [container, items],
  );
}

/**
 * The empathy board's areas hold their notes: nothing in an area paints
 * outside it, each area has room for its first note, whole, and no note's
 * menu button paints over its text.
 */
export async function boardProblems(app) {
  const outside = await spills(app, '[data-testid^="empathy-area-"]', '[data-testid="note-card"]');
  const cramped = await app.execute(
    `return [...document.querySelectorAll('[data-testid^="empathy-area-"]')].flatMap((area) => {
       const body = area.querySelector('[data-testid="area-body"]');
       const note = area.querySelector('[data-testid="note-card"]');
       if (body === null || note === null) return [];
       return body.clientHeight + 1 >= note.offsetHeight ? [] :
         [area.dataset.testid + ': room for ' + body.clientHeight + ' px, its first note is ' + note.offsetHeight + ' px'];
     });`,
  );
  // A note's menu button sits in its corner, beside the text, never over it
  // (text in the other direction included: an Arabic note on an English board).
  const covered = await app.execute(
    `return [...document.querySelectorAll('[data-testid="note-card"]')].flatMap((note) => {
       const menu = note.querySelector('[data-testid="note-menu"]');
       const text = note.querySelector('[data-testid="note-text"]');
       if (menu === null || text === null) return [];
       const m = menu.getBoundingClientRect();
       const t = text.getBoundingClientRect();
       const s = getComputedStyle(text);
       const left = t.left + parseFloat(s.paddingLeft), right = t.right - parseFloat(s.paddingRight);
       const overlap = Math.min(m.right, right) - Math.max(m.left, left);
       const across = Math.min(m.bottom, t.bottom) - Math.max(m.top, t.top);
       return overlap > 1 && across > 1
         ? ['the menu of the note "' + text.textContent.slice(0, 30) + '" covers ' + Math.round(overlap) + ' px of its text']
         : [];
     });`,
  );
  return [...outside, ...cramped, ...covered];
}

/**
 * Text cut off without an ellipsis: an element matching `selector` whose
 * text is wider or taller than its box, unless it ends in an ellipsis.
 */
export function cutText(app, selector) {
  return app.execute(
    `return [...document.querySelectorAll(arguments[0])].flatMap((el) => {
       const cut = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
       if (!cut || getComputedStyle(el).textOverflow === 'ellipsis') return [];
       const text = el.value ?? el.textContent;
       return ['"' + text.slice(0, 60) + '": ' + el.scrollWidth + 'x' + el.scrollHeight + ' px of text in ' + el.clientWidth + 'x' + el.clientHeight];
     });`,
    [selector],
  );
}

/**
 * The page itself never scrolls, only the main area: the document is no
 * taller or wider than the window, and bringing the lowest thing in the
 * main area into view (visually hidden text included) moves neither the
 * page nor the sidebar. The main area's scroll position is put back.
 */
export function pageScroll(app) {
  return app.execute(
    `const wrong = [];
     const page = document.scrollingElement;
     if (page.scrollHeight > innerHeight + 1 || page.scrollWidth > innerWidth + 1) {
       wrong.push('the page is ' + page.scrollWidth + 'x' + page.scrollHeight + ' px in a ' + innerWidth + 'x' + innerHeight + ' window');
     }
     const main = document.querySelector('[data-testid="main"]');
     const kept = main.scrollTop;
     const lowest = [...main.querySelectorAll('*')].reduce((low, el) =>
       low === null || el.getBoundingClientRect().bottom > low.getBoundingClientRect().bottom ? el : low, null);
     lowest?.scrollIntoView({ block: 'nearest' });
     if (page.scrollTop !== 0 || page.scrollLeft !== 0) {
       wrong.push('bringing ' + lowest.tagName + '.' + lowest.className + ' into view scrolled the page by ' + page.scrollTop + ' px');
     }
     const sidebar = document.querySelector('[data-testid="sidebar"]').getBoundingClientRect();
     if (Math.round(sidebar.top) !== 0) wrong.push('the sidebar moved to y ' + Math.round(sidebar.top));
     page.scrollTop = 0;
     page.scrollLeft = 0;
     main.scrollTop = kept;
     return wrong;`,
  );
}
