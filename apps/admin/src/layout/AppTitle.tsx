import { useTranslate } from 'react-admin';

/** The console's name in the current language, for pages without a title of their own. */
export const AppTitle = () => {
  const translate = useTranslate();
  return <>{translate('app.title')}</>;
};
