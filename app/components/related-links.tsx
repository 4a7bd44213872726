/** A titled list of links to related articles or conditions; renders nothing when there are none. */
export function RelatedLinks(props: { id: string; title: string; links: { href: string; label: string }[] }) {
  if (props.links.length === 0) return null;
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <ul>
        {props.links.map((link) => (
          <li key={link.href}>
            <a href={link.href}>{link.label}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
