import { DataTable, ReferenceManyField, SelectField } from 'react-admin';
import { DateTimeField } from '../calendar/DateTimeField';
import { CERTIFICATE_STATUS_CHOICES, CERTIFICATE_USAGE_CHOICES } from './certificate-choices';

/** For CustomerShow: the customer's certificates, soonest expiry first, each opening its page. */
export const CustomerCertificates = () => (
  <ReferenceManyField
    reference="certificates"
    target="customerId"
    sort={{ field: 'notAfter', order: 'ASC' }}
    perPage={50}
    label="resources.certificates.name"
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="commonName" />
      <DataTable.Col source="usage" disableSort>
        <SelectField source="usage" choices={CERTIFICATE_USAGE_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="status">
        <SelectField source="status" choices={CERTIFICATE_STATUS_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="notAfter">
        <DateTimeField source="notAfter" />
      </DataTable.Col>
    </DataTable>
  </ReferenceManyField>
);
