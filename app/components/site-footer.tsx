import type { Clinic } from '#config/index.ts';
import { describeTimeZoneCity, type OpeningHoursLine, telHref } from '../format';

export function SiteFooter({ clinic, openingHours }: { clinic: Clinic; openingHours: OpeningHoursLine[] }) {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <section aria-labelledby="footer-contact">
          <h2 id="footer-contact">Contact</h2>
          <p className="site-footer__name">{clinic.name}</p>
          <address>
            {clinic.address}
            <br />
            Phone: <a href={telHref(clinic.phone)}>{clinic.phone}</a>
            <br />
            Email: <a href={`mailto:${clinic.email}`}>{clinic.email}</a>
          </address>
        </section>
        <section aria-labelledby="footer-hours">
          <h2 id="footer-hours">Opening hours</h2>
          {openingHours.length > 0 ? (
            <ul className="plain-list">
              {openingHours.map((line) => (
                <li key={line.days}>
                  {line.days}: {line.hours}
                </li>
              ))}
            </ul>
          ) : (
            <p>Call us for opening hours.</p>
          )}
          <p className="muted">Times are {describeTimeZoneCity(clinic.timeZone)} time.</p>
        </section>
        <section aria-labelledby="footer-emergency" className="site-footer__emergency">
          <h2 id="footer-emergency">In an emergency</h2>
          <p>
            If you suddenly lose control of your bladder or bowels, feel numb between your legs, or your legs
            become weak, call <a href={telHref(clinic.emergencyNumber)}>{clinic.emergencyNumber}</a> or go to
            the nearest emergency department now. Do not wait for an acupuncture appointment.
          </p>
        </section>
      </div>
      <p className="site-footer__legal">
        Information on this site is general. It is not a diagnosis and does not replace seeing a doctor.
      </p>
    </footer>
  );
}
