import { it } from 'vitest';
import { inferStepCalls } from '../../src/workflows/calls/index.js';
import { loadCatalog } from '../../src/sources/catalog.js';
const catalog = await loadCatalog();
const pos = { file: '.github/workflows/deploy.yml', line: 10, column: 9 };
const step = (script: string, env = {}) => ({ with: {}, env, run: { script, line: 11, position: pos }, position: pos });
it('scratch', () => {
  const scripts = [
`aws s3 sync --sse --delete . s3://\${{ env.bucket }}  --exclude "*" --include "data/*"
aws cloudfront create-invalidation --distribution-id \${{ env.cloudFrontDeploymentId }} --paths "/*"`,
`# aws ecs update-service \\
#   --region us-west-1 \\
#   --cluster truck-cluster

aws ecs update-service \\
  --region us-west-1 \\
  --cluster truck-cluster \\
  --service truck-service \\
  --force-new-deployment`,
`ECSName=$(aws ssm get-parameter --name "/cloudformation/applications/$ENV/ecs-cluster/cluster/name" --output text --query Parameter.Value)
aws ecs update-service --cluster $ECSName --service "$1" --force-new-deployment`,
`aws cloudformation deploy \\
  --stack-name infra-s3-terraform \\
  --template-file infra_s3_tfstate.yaml \\
  --capabilities CAPABILITY_NAMED_IAM \\
  --parameter-overrides \\
    Org=unobtanium \\
    TerraformExecutionRoleArn=arn:aws:iam::TODO_ACCOUNT_ID:role/github-actions-oidc`,
`aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.eu-west-1.amazonaws.com
docker build -t $ECR_REGISTRY/$ECR_REPOSITORY:$IMAGE_TAG .
docker push $ECR_REGISTRY/$ECR_REPOSITORY:$IMAGE_TAG
./deploy.sh prod && npx cdk deploy --all
aws $SERVICE update
cat <<EOF > x.json
aws s3 rm s3://should-not-read
EOF
aws lambda update-function-code --function-name my-fn --zip-file fileb://x.zip
aws ecs updte-service --cluster a --service b`,
  ];
  for (const s of scripts) {
    const r = inferStepCalls(step(s, { ECR_REPOSITORY: { kind: 'known', value: 'my-repo', position: pos } }) as never, catalog, { region: 'us-east-1', account: '111122223333' });
    for (const p of r.permissions) console.log(p.position.line, p.line, p.unknown.join('; '), p.notes.join('; '));
    for (const n of r.notInferred) console.log('NOT', n.kind, n.position.line, n.what, '|', n.reason, n.suggestions ?? '');
    console.log('---');
  }
});
