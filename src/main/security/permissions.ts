// The window asks for nothing a bookkeeping app needs: camera, microphone, location, notifications,
// clipboard reads, MIDI, USB, HID, serial, fullscreen from the page… Every permission request and
// every permission check is refused, whatever page asks. (No `electron` import: the handlers are
// installed on whatever session the host passes, and tested in plain Node.)

/** the part of Electron's Session this needs */
export interface PermissionSession {
  setPermissionRequestHandler(handler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null): void
  setPermissionCheckHandler(handler: ((webContents: unknown, permission: string, requestingOrigin: string, details: unknown) => boolean) | null): void
  setDevicePermissionHandler?(handler: ((details: unknown) => boolean) | null): void
}

/** the one decision: no permission, ever */
export const allowPermission = (_permission: string): boolean => false

export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => callback(allowPermission(permission)))
  session.setPermissionCheckHandler((_wc, permission) => allowPermission(permission))
  session.setDevicePermissionHandler?.(() => false)
}
