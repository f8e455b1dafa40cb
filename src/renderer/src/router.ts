import { createRouter, createWebHashHistory } from 'vue-router'
import AppLayout from './layout/AppLayout.vue'

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/setup', name: 'setup', component: () => import('./views/setup/CompanySetup.vue'), meta: { bare: true } },
    {
      path: '/',
      component: AppLayout,
      children: [
        { path: '', redirect: '/basic/items' },
        { path: 'invoice/issue', name: 'issue', component: () => import('./views/invoice/IssueView.vue'), meta: { title: '电子发票开具' } },
        { path: 'invoice/batch/:id(\\d+)?', name: 'batch', component: () => import('./views/batch/BatchView.vue'), meta: { title: '批量开具', menu: '/invoice/batch' } },
        { path: 'invoice/drafts', name: 'drafts', component: () => import('./views/invoice/DraftsView.vue'), meta: { title: '草稿箱' } },
        { path: 'invoice/list', name: 'invoices', component: () => import('./views/invoice/InvoicesView.vue'), meta: { title: '发票查询' } },
        { path: 'invoice/summary', name: 'summary', component: () => import('./views/invoice/SummaryView.vue'), meta: { title: '发票汇总' } },
        { path: 'invoice/downloads', name: 'downloads', component: () => import('./views/invoice/DownloadsView.vue'), meta: { title: '发票下载' } },
        { path: 'invoice/received', name: 'received', component: () => import('./views/invoice/ReceivedView.vue'), meta: { title: '进项发票' } },
        { path: 'red/forms', name: 'red-forms', component: () => import('./views/red/RedFormsView.vue'), meta: { title: '红字确认信息录入和处理' } },
        { path: 'red/new', name: 'red-new', component: () => import('./views/red/RedNewView.vue'), meta: { title: '新增红字确认信息', menu: '/red/forms' } },
        { path: 'red/forms/:id(\\d+)', name: 'red-form', component: () => import('./views/red/RedFormView.vue'), meta: { title: '红字确认信息查看', menu: '/red/forms' } },
        { path: 'invoice/booking', name: 'booking', component: () => import('./views/booking/BookingView.vue'), meta: { title: '发票入账' } },
        { path: 'red/confirm', name: 'red-confirm', component: () => import('./views/red/RedConfirmView.vue'), meta: { title: '红字申请确认' } },
        { path: 'basic/items', name: 'items', component: () => import('./views/basic/ItemsView.vue'), meta: { title: '项目信息维护' } },
        { path: 'basic/customers', name: 'customers', component: () => import('./views/basic/CustomersView.vue'), meta: { title: '客户信息维护' } },
        { path: 'basic/extras', name: 'extras', component: () => import('./views/basic/ExtrasView.vue'), meta: { title: '附加要素信息维护' } },
        { path: 'system/company', name: 'company', component: () => import('./views/system/CompanyView.vue'), meta: { title: '企业信息' } },
        { path: 'system/taxcodes', name: 'taxcodes', component: () => import('./views/system/TaxCodesView.vue'), meta: { title: '税收分类编码' } },
        { path: 'system/audit', name: 'audit', component: () => import('./views/system/AuditView.vue'), meta: { title: '操作日志' } },
        { path: 'system/settings', name: 'settings', component: () => import('./views/system/SettingsView.vue'), meta: { title: '设置' } },
        // the pages 设置 gathered: old links open their tab
        { path: 'system/backups', redirect: { path: '/system/settings', query: { tab: 'backups' } } },
        { path: 'system/platform', redirect: { path: '/system/settings', query: { tab: 'platform' } } },
        { path: 'system/mail', redirect: { path: '/system/settings', query: { tab: 'mail' } } },
        { path: 'system/about', name: 'about', component: () => import('./views/system/AboutView.vue'), meta: { title: '关于票税通' } },
      ],
    },
  ],
})
