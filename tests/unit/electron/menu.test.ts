import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../../electron/menu.js';

const roles = (items: ReturnType<typeof buildMenuTemplate>): string[] =>
  items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);

describe('application menu', () => {
  it('is empty on Windows and Linux in production, with DevTools only in development', () => {
    expect(buildMenuTemplate('linux', false)).toEqual([]);
    expect(buildMenuTemplate('win32', false)).toEqual([]);
    expect(roles(buildMenuTemplate('linux', true))).toContain('toggleDevTools');
  });

  it('keeps copy and paste on macOS but leaves undo and redo to the editor', () => {
    const production = roles(buildMenuTemplate('darwin', false));
    expect(production).toEqual(expect.arrayContaining(['appMenu', 'copy', 'paste', 'selectAll']));
    expect(production).not.toContain('toggleDevTools');
    expect(production).not.toContain('undo');
    expect(production).not.toContain('redo');
  });
});
