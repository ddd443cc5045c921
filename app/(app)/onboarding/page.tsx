import Link from "next/link";

const PROVIDERS = [
  { name: "AWS (Amazon Web Services)", href: "/onboarding/aws", description: "Link AWS accounts by IAM role." },
  { name: "EKS", href: undefined, description: "Not available yet." },
  { name: "Azure", href: undefined, description: "Not available yet." },
  { name: "Microsoft", href: undefined, description: "Not available yet." },
] as const;

export default function SelectPlatformPage() {
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-2xl font-semibold">Select Your Preferred Cloud Service or Platform</h1>
      <ul className="grid gap-4 sm:grid-cols-2">
        {PROVIDERS.map((provider) => (
          <li key={provider.name}>
            {provider.href ? (
              <Link
                href={provider.href}
                className="block h-full rounded-xl border border-slate-200 bg-white p-6 shadow-sm transition hover:border-brand-500 hover:shadow focus-visible:outline-2 focus-visible:outline-brand-500"
              >
                <span className="block text-base font-semibold">{provider.name}</span>
                <span className="mt-1 block text-sm text-slate-600">{provider.description}</span>
              </Link>
            ) : (
              <div aria-disabled="true" className="h-full rounded-xl border border-dashed border-slate-300 bg-slate-50 p-6 text-slate-500">
                <span className="block text-base font-semibold">{provider.name}</span>
                <span className="mt-1 block text-sm">{provider.description}</span>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
