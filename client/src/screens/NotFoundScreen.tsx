import { Link } from 'react-router';
import { PageTitle } from '../components/Layout';

export function NotFoundScreen() {
  return (
    <div>
      <PageTitle title="Page not found" />
      <p className="text-slate-700">
        There is nothing at this address. Go to the{' '}
        <Link to="/catalog" className="font-medium text-indigo-800 underline">
          catalog
        </Link>
        .
      </p>
    </div>
  );
}
