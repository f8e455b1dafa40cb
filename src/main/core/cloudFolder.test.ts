import { describe, expect, it } from 'vitest'
import { cloudFolderOf, cloudFolderWarning } from './cloudFolder'

describe('cloudFolderOf: the data folder inside a sync client folder', () => {
  it.each([
    ['C:\\Users\\王会计\\OneDrive\\文档\\fapiao-desk', 'OneDrive', 'C:\\Users\\王会计\\OneDrive'],
    ['c:/users/wang/onedrive - 深圳市测试科技有限公司/fapiao', 'OneDrive', 'c:/users/wang/onedrive - 深圳市测试科技有限公司'],
    ['/Users/wang/Library/CloudStorage/OneDrive-Personal/fapiao-desk', 'OneDrive', '/Users/wang/Library/CloudStorage/OneDrive-Personal'],
    ['/Users/wang/Library/Mobile Documents/com~apple~CloudDocs/账簿', 'iCloud 云盘', '/Users/wang/Library/Mobile Documents'],
    ['/users/wang/library/MOBILE DOCUMENTS/x', 'iCloud 云盘', '/users/wang/library/MOBILE DOCUMENTS'],
    ['C:\\Users\\wang\\iCloudDrive\\fapiao', 'iCloud 云盘', 'C:\\Users\\wang\\iCloudDrive'],
    ['D:\\Dropbox\\fapiao-desk', 'Dropbox', 'D:\\Dropbox'],
    ['C:\\Users\\wang\\Dropbox (个人)\\fapiao-desk', 'Dropbox', 'C:\\Users\\wang\\Dropbox (个人)'],
    ['/Users/wang/Nutstore Files/fapiao', '坚果云', '/Users/wang/Nutstore Files'],
    ['C:\\Users\\wang\\Nutstore\\fapiao', '坚果云', 'C:\\Users\\wang\\Nutstore'],
    ['D:\\我的坚果云\\账簿', '坚果云', 'D:\\我的坚果云'],
    ['G:\\我的云端硬盘\\fapiao', 'Google 云端硬盘', 'G:\\我的云端硬盘'],
    ['/Users/wang/Library/CloudStorage/GoogleDrive-wang@example.com/My Drive/fapiao', 'Google 云端硬盘', '/Users/wang/Library/CloudStorage/GoogleDrive-wang@example.com'],
    ['D:\\百度网盘同步空间\\fapiao', '百度网盘同步空间', 'D:\\百度网盘同步空间'],
  ])('%s → %s', (dir, service, folder) => {
    expect(cloudFolderOf(dir)).toEqual({ service, folder })
  })

  it.each([
    'C:\\Users\\wang\\AppData\\Roaming\\fapiao-desk',
    '/Users/wang/Library/Application Support/fapiao-desk',
    '/home/wang/.config/fapiao-desk',
    // names that only look alike: a folder called "Documents" under Library is not iCloud, nor is
    // a folder merely mentioning a service inside its name
    '/Users/wang/Library/Documents/fapiao',
    '/Users/wang/Mobile Documents/fapiao',
    'D:\\账簿\\onedrive备份说明\\fapiao',
    'D:\\mydropbox\\fapiao',
  ])('%s is not synced', (dir) => {
    expect(cloudFolderOf(dir)).toBeNull()
  })

  it('knows OneDrive by its environment variables, whatever the folder is called', () => {
    const env = { OneDriveCommercial: 'C:\\Users\\wang\\深圳测试科技' }
    expect(cloudFolderOf('C:\\Users\\wang\\深圳测试科技\\桌面\\fapiao', env)).toEqual({ service: 'OneDrive', folder: 'C:\\Users\\wang\\深圳测试科技' })
    expect(cloudFolderOf('c:/users/WANG/深圳测试科技/fapiao', { OneDrive: 'C:\\Users\\wang\\深圳测试科技' })).toEqual({ service: 'OneDrive', folder: 'c:/users/WANG/深圳测试科技' })
    expect(cloudFolderOf('C:\\Users\\wang\\AppData\\Roaming\\fapiao-desk', env)).toBeNull()
  })

  it('says why and what to do', () => {
    const text = cloudFolderWarning({ service: 'OneDrive', folder: 'C:/Users/wang/OneDrive' })
    expect(text).toContain('OneDrive')
    expect(text).toContain('-wal')
    expect(text).toContain('FAPIAO_DATA')
  })
})
