// A minimal application menu. Undo/redo are left to the editor (its own history), so no Edit › Undo.
import type { MenuItemConstructorOptions } from 'electron';

/** The menu template for a platform: app + edit + window menus on macOS, only a View menu in development elsewhere. */
export function buildMenuTemplate(platform: string, isDev: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  };
  if (platform === 'darwin') {
    return [{ role: 'appMenu' }, edit, ...(isDev ? [view] : []), { role: 'windowMenu' }];
  }
  return isDev ? [view] : [];
}
