-- Datong's districts, street offices and communities from the seed stories (大同日报), with English names.

INSERT INTO area (code, level, name_zh, name_en, parent_id) VALUES
    ('pingcheng', 'DISTRICT', '平城区', 'Pingcheng District', NULL),
    ('yungang',   'DISTRICT', '云冈区', 'Yungang District',   NULL);

INSERT INTO area (code, level, name_zh, name_en, parent_id) VALUES
    ('yingbin',    'STREET_OFFICE', '迎宾街道',   'Yingbin Street Office',    (SELECT id FROM area WHERE code = 'pingcheng')),
    ('xinwang',    'STREET_OFFICE', '新旺街道',   'Xinwang Street Office',    (SELECT id FROM area WHERE code = 'pingcheng')),
    ('qingyuan',   'STREET_OFFICE', '清远街道',   'Qingyuan Street Office',   (SELECT id FROM area WHERE code = 'pingcheng')),
    ('xihuayuan',  'STREET_OFFICE', '西花园街道', 'Xihuayuan Street Office',  (SELECT id FROM area WHERE code = 'yungang'));

INSERT INTO area (code, level, name_zh, name_en, parent_id) VALUES
    ('beixinyuan',    'COMMUNITY', '北馨园社区',   'Beixinyuan Community',     (SELECT id FROM area WHERE code = 'yingbin')),
    ('yingbinlu',     'COMMUNITY', '迎宾路社区',   'Yingbin Road Community',   (SELECT id FROM area WHERE code = 'yingbin')),
    ('zhenxingjie',   'COMMUNITY', '振兴街社区',   'Zhenxing Street Community', (SELECT id FROM area WHERE code = 'yingbin')),
    ('yujinyuan',     'COMMUNITY', '御锦源社区',   'Yujinyuan Community',      (SELECT id FROM area WHERE code = 'xinwang')),
    ('qingyuanxijie', 'COMMUNITY', '清远西街社区', 'Qingyuan West Street Community', (SELECT id FROM area WHERE code = 'qingyuan')),
    ('huaiyuan',      'COMMUNITY', '槐园社区',     'Huaiyuan Community',       (SELECT id FROM area WHERE code = 'xihuayuan'));

INSERT INTO organization (code, kind, name_zh, name_en, contact_phone) VALUES
    ('datong-sewage',       'AGENCY',           '大同市政排污所',         'Datong Municipal Sewage Office',              '0352-2041234'),
    ('pingcheng-sanitation','AGENCY',           '平城区环卫服务中心',     'Pingcheng Sanitation Service Centre',          '0352-2055678'),
    ('yingbin-enforcement', 'AGENCY',           '迎宾街道综合行政执法队', 'Yingbin Street Office Law-Enforcement Team',   '0352-2069012'),
    ('tongda-dredging',     'CONTRACTOR',       '通达管道专业清掏队',     'Tongda Professional Pipe Dredging Team',       '0352-5123456'),
    ('zhongrui-property',   'PROPERTY_MANAGER', '中瑞物业',               'Zhongrui Property Management',                 '0352-6027788');

INSERT INTO site (code, name_zh, name_en, community_id, property_managed, property_manager_id) VALUES
    ('hongan',          '宏安小区',         'Hong''an Compound',                          (SELECT id FROM area WHERE code = 'beixinyuan'),  FALSE, NULL),
    ('jianzhu-no3',     '建筑三公司家属院', 'No. 3 Construction Company Residential Compound', (SELECT id FROM area WHERE code = 'zhenxingjie'), FALSE, NULL),
    ('huaiyuan-north',  '槐园北区',         'Huaiyuan North Compound',                    (SELECT id FROM area WHERE code = 'huaiyuan'),    TRUE,
        (SELECT id FROM organization WHERE code = 'zhongrui-property'));

-- SLA hours: dispatch (urgent, normal, low), then resolve (urgent, normal, low).
INSERT INTO service_category (code, name_zh, name_en, default_priority,
        dispatch_hours_urgent, dispatch_hours_normal, dispatch_hours_low,
        resolve_hours_urgent, resolve_hours_normal, resolve_hours_low) VALUES
    ('sewer-blockage',    '下水堵塞',     'Sewer blockage',               'NORMAL', 2,  4,  24,  24,  48, 120),
    ('sewage-overflow',   '污水外溢',     'Sewage overflow',              'URGENT', 1,  4,   8,  12,  24,  72),
    ('lift-outage',       '电梯停运',     'Lift out of service',          'URGENT', 1,  4,  24,  24,  48,  96),
    ('street-light',      '路灯',         'Street light',                 'NORMAL', 4, 24,  48,  48,  72, 168),
    ('sanitation',        '环境卫生',     'Sanitation',                   'NORMAL', 4, 24,  48,  24,  72, 168),
    ('property-dispute',  '物业纠纷',     'Property-management dispute',  'LOW',   24, 48,  72, 168, 336, 720),
    ('fire-hazard',       '消防隐患',     'Fire-safety hazard',           'URGENT', 1,  2,   8,   8,  24,  72);
