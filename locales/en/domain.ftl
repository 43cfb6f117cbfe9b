# domain: en
