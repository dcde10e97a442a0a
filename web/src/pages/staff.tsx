import { Button, Card } from 'antd';
import { Link, useParams } from 'react-router';
import { PersonDetails, usePerson } from '../components/person-card';
import { PageTitle } from '../components/shell';
import { Loading } from '../components/status';
import { useUser } from '../session';

/** /runs/:id/staff/:staffId: one person's card, linkable (e.g. from an appeal's file). */
export function StaffPage() {
  const params = useParams();
  const runId = Number(params.id);
  const staffId = params.staffId ?? '';
  const user = useUser();
  const person = usePerson(runId, staffId);
  const back =
    user.role === 'principal' ? `/runs/${runId}/schools/${user.schoolCode ?? ''}` : `/runs/${runId}`;
  return (
    <>
      <PageTitle
        extra={
          <Link to={back}>
            <Button>返回分配 #{runId}</Button>
          </Link>
        }
      >
        分配 #{runId} · {person.data ? `${person.data.placement.name}（${staffId}）` : staffId}
      </PageTitle>
      <Card>
        <Loading state={person}>{(e) => <PersonDetails e={e} />}</Loading>
      </Card>
    </>
  );
}
