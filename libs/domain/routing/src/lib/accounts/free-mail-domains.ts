/** Mailbox providers anyone can sign up with: an address there says nothing about the company. */
const FREE_MAIL_DOMAINS = new Set(
  (
    '126.com 163.com aol.com fastmail.com free.fr gmail.com gmx.com gmx.de gmx.net googlemail.com hey.com ' +
    'hotmail.co.uk hotmail.com hotmail.de hotmail.fr icloud.com libero.it live.com mac.com mail.com ' +
    'mail.ru me.com msn.com orange.fr outlook.com outlook.de pm.me proton.me protonmail.com qq.com ' +
    't-online.de web.de yahoo.co.uk yahoo.com yahoo.de yahoo.fr yandex.com yandex.ru ymail.com zoho.com'
  ).split(' '),
);

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain);
}
