package nplusone

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// Amazon DynamoDB through aws-sdk-go-v2: each GetItem is a request to the
// table service. One per element of a request's list is an N+1; its
// twins fetch the keys in one BatchGetItem, or get one item.

func itemKey(id string) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: id}}
}

func dynamoOneByOne(ctx context.Context, db *dynamodb.Client, ids []string) error {
	for _, id := range ids {
		_, err := db.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("items"), Key: itemKey(id)}) // want `^\(\*dynamodb.Client\).GetItem runs a DynamoDB round trip once per element of ids; fetch them in one round trip with BatchGetItem \(up to 100 keys a call\)$`
		if err != nil {
			return err
		}
	}
	return nil
}

func dynamoAtOnce(ctx context.Context, db *dynamodb.Client, ids []string) error {
	keys := make([]map[string]types.AttributeValue, 0, len(ids))
	for _, id := range ids {
		keys = append(keys, itemKey(id))
	}
	_, err := db.BatchGetItem(ctx, &dynamodb.BatchGetItemInput{
		RequestItems: map[string]types.KeysAndAttributes{"items": {Keys: keys}},
	})
	return err
}

func dynamoOne(ctx context.Context, db *dynamodb.Client, id string) error {
	_, err := db.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("items"), Key: itemKey(id)})
	return err
}
