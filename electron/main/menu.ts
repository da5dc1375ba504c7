import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  syncNow(): void;
}

/** The standard menus every desktop app is expected to have, plus the app's own "Sync now". */
export function installAppMenu(actions: MenuActions, options: { isMac: boolean; isDev: boolean }): void {
  const syncNow: MenuItemConstructorOptions = {
    label: 'Sync Now',
    accelerator: 'CmdOrCtrl+Shift+S',
    click: () => actions.syncNow(),
  };

  const template: MenuItemConstructorOptions[] = [
    ...(options.isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [syncNow, { type: 'separator' }, options.isMac ? { role: 'close' } : { role: 'quit' }],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...(options.isDev
          ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: options.isMac ? [] : [{ role: 'about' }],
    },
  ];

  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
